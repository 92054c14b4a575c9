package nl.uitslag.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The real executable jar, started on a free loopback port with a fresh data directory. */
final class RunningServer implements AutoCloseable {
  private final Process process;
  private final StringBuffer output = new StringBuffer();
  final int port;
  final Path dataDir;

  private RunningServer(Process process, int port, Path dataDir) {
    this.process = process;
    this.port = port;
    this.dataDir = dataDir;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  output.append(line).append('\n');
                }
              } catch (IOException ignored) {
                // The process ended.
              }
            },
            "server-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code uitslag COMMAND --port P --data-dir D --no-tls} and waits until the login page answers. */
  static RunningServer start(String command) throws IOException, InterruptedException {
    return startOn(command, Files.createTempDirectory("uitslag-e2e"));
  }

  /** Like {@link #start}, on an existing data directory (e.g. the one a killed server left behind). */
  static RunningServer startOn(String command, Path dataDir) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("uitslag.jar", "../app/target/uitslag.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("Build the jar first (./mvnw package): " + jar.toAbsolutePath());
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.add("-jar");
    cmd.add(jar.toAbsolutePath().toString());
    cmd.add(command);
    cmd.add("--port");
    cmd.add(Integer.toString(port));
    cmd.add("--bind");
    cmd.add("127.0.0.1");
    cmd.add("--data-dir");
    cmd.add(dataDir.toString());
    // serve defaults to HTTPS with its own CA; the browser tests exercise the pages over plain HTTP on loopback
    // (HTTPS itself is tested in the app module with a client that trusts only the generated CA).
    cmd.add("--no-tls");
    // Never probe public addresses from a test: a closed loopback port stands for the air gap.
    cmd.add("--airgap-targets");
    cmd.add("127.0.0.1:" + closedPort());
    Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    RunningServer server = new RunningServer(process, port, dataDir);
    server.awaitReady(Duration.ofSeconds(180), command.equals("demo"));
    return server;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  String output() {
    return output.toString();
  }

  private void awaitReady(Duration timeout, boolean demo) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The server stopped during start-up:\n" + output);
      }
      try {
        HttpURLConnection c = (HttpURLConnection) URI.create(url("/login")).toURL().openConnection();
        c.setInstanceFollowRedirects(false);
        c.setConnectTimeout(500);
        int status = c.getResponseCode();
        c.disconnect();
        // The demo prints its one-time password once the server is ready; wait for that too.
        if (status > 0 && status < 500 && (!demo || output.toString().contains("one-time password:"))) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("The server did not start within " + timeout + ":\n" + output);
  }

  /** The jar the server runs, for console commands on the same data directory. */
  static Path jar() {
    return Path.of(System.getProperty("uitslag.jar", "../app/target/uitslag.jar")).toAbsolutePath();
  }

  /** Kills the process the way a power cut or {@code kill -9} would: no shutdown hook, no flush. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** Stops the server normally and keeps its data directory. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    try (var files = Files.walk(dataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
