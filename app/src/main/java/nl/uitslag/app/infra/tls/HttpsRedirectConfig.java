package nl.uitslag.app.infra.tls;

import org.apache.catalina.authenticator.NonLoginAuthenticator;
import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.descriptor.web.LoginConfig;
import org.apache.tomcat.util.descriptor.web.SecurityCollection;
import org.apache.tomcat.util.descriptor.web.SecurityConstraint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * A second Tomcat connector on the plain-HTTP port that answers every request with a redirect to HTTPS, so a
 * workstation that types the old http address still arrives, and no page or session cookie is ever served in
 * the clear.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(TlsServerSettings.HTTP_PORT_PROPERTY)
class HttpsRedirectConfig {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> httpToHttpsRedirect(Environment env) {
    int httpPort = env.getRequiredProperty(TlsServerSettings.HTTP_PORT_PROPERTY, Integer.class);
    int httpsPort = env.getRequiredProperty("server.port", Integer.class);
    String address = env.getProperty("server.address");
    return factory -> {
      Connector http = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
      http.setScheme("http");
      http.setSecure(false);
      http.setPort(httpPort);
      http.setRedirectPort(httpsPort);
      if (address != null) {
        http.setProperty("address", address);
      }
      factory.addAdditionalConnectors(http);
      // Servlet spec 13.8: CONFIDENTIAL makes Tomcat redirect an insecure request to the redirect port before any
      // filter or page sees it; requests on the HTTPS connector already satisfy it.
      factory.addContextCustomizers(
          context -> {
            SecurityCollection everything = new SecurityCollection();
            everything.addPattern("/*");
            SecurityConstraint confidential = new SecurityConstraint();
            confidential.setUserConstraint("CONFIDENTIAL");
            confidential.addCollection(everything);
            context.addConstraint(confidential);
            // A constraint makes Tomcat add an authenticator that sets "Cache-Control: private" on every
            // response, which would stop Spring Security from writing its "no-store": results pages must not be
            // cached. Embedded Tomcat adds its own authenticator only when the context has no login config yet.
            NonLoginAuthenticator noLogin = new NonLoginAuthenticator();
            noLogin.setDisableProxyCaching(false);
            context.setLoginConfig(new LoginConfig("NONE", null, null, null));
            context.getPipeline().addValve(noLogin);
          });
    };
  }
}
