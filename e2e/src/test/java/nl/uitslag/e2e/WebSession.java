package nl.uitslag.e2e;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One user's browser session without a browser: a cookie jar, the CSRF token of the last page, and form posts
 * exactly as the pages send them. Redirects are not followed, so a test sees what the server answered.
 */
final class WebSession {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final HttpClient http;
  private final String base;
  private String csrf;

  WebSession(String base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    remember(r.body());
    return r;
  }

  HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
    if (csrf == null) {
      get("/login");
    }
    StringJoiner body = new StringJoiner("&");
    Map<String, String> all = new LinkedHashMap<>(form);
    all.put("_csrf", csrf);
    all.forEach((k, v) -> body.add(enc(k) + "=" + enc(v)));
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    remember(r.body());
    return r;
  }

  /** Logs in; returns where the server sends the user next ("/" or "/password"). */
  String login(String username, String password) throws IOException, InterruptedException {
    get("/login");
    HttpResponse<String> r = post("/login", Map.of("username", username, "password", password));
    String location = r.headers().firstValue("Location").orElse("");
    if (r.statusCode() != 302 || location.contains("error")) {
      throw new IllegalStateException("login of " + username + " failed: " + r.statusCode() + " " + location);
    }
    // A login starts a new session with a new CSRF token.
    get(URI.create(location).getPath());
    return URI.create(location).getPath();
  }

  /** Replaces a one-time password, as the first login demands. */
  void changePassword(String current, String replacement) throws IOException, InterruptedException {
    get("/password");
    HttpResponse<String> r =
        post(
            "/password",
            Map.of("currentPassword", current, "newPassword", replacement, "newPasswordRepeat", replacement));
    if (r.statusCode() != 302) {
      throw new IllegalStateException("password change refused: " + r.statusCode());
    }
  }

  static String find(String html, String regex) {
    Matcher m = Pattern.compile(regex).matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("not found on the page: " + regex);
    }
    return m.group(1);
  }

  private void remember(String body) {
    Matcher m = CSRF.matcher(body == null ? "" : body);
    if (m.find()) {
      csrf = m.group(1);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
