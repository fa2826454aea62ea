package org.onedoor.businesses.profile;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.onedoor.support.TestAccounts;

/** Signs in through the sign-in form, then gets pages and posts forms with the session cookie and CSRF token. */
final class PageSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String baseUrl;

    private PageSession(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    static PageSession signIn(int port, String email) {
        PageSession session = new PageSession(port);
        HttpResponse<String> response = session.post("/sign-in", "/sign-in",
                Map.of("email", email, "password", TestAccounts.PASSWORD));
        if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Sign-in as " + email + " failed with " + response.statusCode());
        }
        return session;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    /** Posts a form as a browser would after loading {@code formPage}, with that page's CSRF token. */
    HttpResponse<String> post(String formPage, String path, Map<String, String> fields) {
        Matcher csrf = CSRF_FIELD.matcher(get(formPage).body());
        if (!csrf.find()) {
            throw new IllegalStateException("Page " + formPage + " has no CSRF field");
        }
        String body = fields.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&")) + "&_csrf=" + encode(csrf.group(1));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + request.uri(), e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
