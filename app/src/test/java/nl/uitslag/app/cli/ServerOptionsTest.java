package nl.uitslag.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import picocli.CommandLine;
import org.junit.jupiter.api.Test;

/** serve defaults to HTTPS on 8443 with a redirect from 8080 (product.md: HTTPS on the LAN); demo to HTTP on 8080. */
class ServerOptionsTest {
  private static ServerOptions parse(Object command, String... args) {
    new CommandLine(command).parseArgs(args);
    return command instanceof ServeCommand ? ((ServeCommand) command).options : ((DemoCommand) command).options;
  }

  @Test
  void serveDefaultsToHttpsOn8443WithRedirectFrom8080() {
    ServerOptions options = parse(new ServeCommand());
    assertThat(options.tlsOr(true)).isTrue();
    assertThat(options.portFor(true)).isEqualTo(8443);
    assertThat(options.https(true).enabled()).isTrue();
    assertThat(options.https(true).httpPort()).isEqualTo(8080);
  }

  @Test
  void noTlsServesPlainHttpOn8080() {
    ServerOptions options = parse(new ServeCommand(), "--no-tls");
    assertThat(options.tlsOr(true)).isFalse();
    assertThat(options.portFor(false)).isEqualTo(8080);
    assertThat(options.https(false).enabled()).isFalse();
  }

  @Test
  void demoDefaultsToPlainHttpAndTlsTurnsHttpsOn() {
    assertThat(parse(new DemoCommand()).tlsOr(false)).isFalse();
    assertThat(parse(new DemoCommand(), "--tls").tlsOr(false)).isTrue();
  }

  @Test
  void explicitPortsWin() {
    ServerOptions options = parse(new ServeCommand(), "--port", "443", "--http-port", "80");
    assertThat(options.portFor(true)).isEqualTo(443);
    assertThat(options.https(true).httpPort()).isEqualTo(80);
    assertThat(parse(new ServeCommand(), "--http-port", "0").https(true).httpPort()).isZero();
  }

  @Test
  void helpNamesTheTlsOptions() {
    String usage = new CommandLine(new ServeCommand()).getUsageMessage();
    assertThat(usage).contains("--[no-]tls", "--http-port", "--port");
  }
}
