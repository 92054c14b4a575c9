package nl.uitslag.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Spring Boot application: web screens, persistence and security around the pure domain. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class UitslagApplication {}
