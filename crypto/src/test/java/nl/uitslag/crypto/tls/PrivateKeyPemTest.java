package nl.uitslag.crypto.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.PrivateKey;
import java.security.SecureRandom;
import nl.uitslag.crypto.Certificates;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The TLS key file Tomcat reads: PKCS#8 PEM that reads back to the same key, and a damaged one told clearly. */
class PrivateKeyPemTest {
  @Test
  void roundTripsAnEcKey() {
    PrivateKey key = Certificates.generateKeyPair(new SecureRandom()).getPrivate();
    String pem = PrivateKeyPem.write(key);
    assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
    assertThat(pem.lines()).allMatch(line -> line.length() <= 64);
    assertThat(PrivateKeyPem.read(pem).getEncoded()).isEqualTo(key.getEncoded());
  }

  @Test
  void aDamagedKeyIsReportedWithoutQuotingIt() {
    String damaged = "-----BEGIN PRIVATE KEY-----\nQUJDREVGR0hJSktMTU5PUA==\n-----END PRIVATE KEY-----\n";
    assertThatThrownBy(() -> PrivateKeyPem.read(damaged))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the private key PEM is damaged or not an EC key")
        .hasNoCause();
    assertThatThrownBy(() -> PrivateKeyPem.read("no pem here")).isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 50)
  void arbitraryTextNeverReadsAsAKey(@ForAll @StringLength(max = 200) String body) {
    String pem = "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    assertThatThrownBy(() -> PrivateKeyPem.read(pem))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfiesAnyOf(
            e -> assertThat(e).hasMessage("the private key PEM is damaged or not an EC key").hasNoCause(),
            e -> assertThat(e).hasMessage("not a PKCS#8 private key PEM"));
  }
}
