package nl.uitslag.e2e;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Playwright driving Debian's chromium offline. Without a chromium on the machine the browser tests are skipped
 * with that reason (never silently passed); CI installs it first.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of(System.getProperty("uitslag.chromium", "/usr/bin/chromium"));

  private final Playwright playwright;
  private final com.microsoft.playwright.Browser browser;

  private Browser() {
    // The browser download is switched off: this machine is offline and uses the system chromium.
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run",
                            "--disable-quic")));
  }

  static Browser launch() {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM),
        "Browser tests skipped: no chromium at " + CHROMIUM + " (apt-get install chromium)");
    return new Browser();
  }

  /** Console errors of every page opened here, e.g. Content-Security-Policy violations or failed scripts. */
  final java.util.List<String> consoleErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

  Page newPage() {
    Page page =
        browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("nl-NL")).newPage();
    page.onConsoleMessage(
        m -> {
          if ("error".equals(m.type())) {
            consoleErrors.add(page.url() + ": " + m.text());
          }
        });
    return page;
  }

  /** Saves a full-page screenshot into the build folder, for a person to look at. */
  static void screenshot(Page page, String name) {
    Path dir = Path.of(System.getProperty("uitslag.screenshots", "target/screenshots"));
    page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(true));
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
