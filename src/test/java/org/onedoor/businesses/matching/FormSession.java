package org.onedoor.businesses.matching;

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

/** Signs in through the sign-in form, then gets pages and posts forms with the session cookie and CSRF token. */
final class FormSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String baseUrl;

    private FormSession(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    static FormSession signIn(int port, String email, String password) {
        FormSession session = new FormSession(port);
        HttpResponse<String> response = session.postForm("/sign-in", "/sign-in",
                Map.of("email", email, "password", password));
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Sign-in as " + email + " failed with " + response.statusCode());
        }
        return session;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    /** Reads the CSRF token from the form page, then posts the fields to the action path. */
    HttpResponse<String> postForm(String formPage, String action, Map<String, String> fields) {
        Matcher csrf = CSRF_FIELD.matcher(get(formPage).body());
        if (!csrf.find()) {
            throw new IllegalStateException("Page " + formPage + " has no CSRF field");
        }
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&")) + "&_csrf=" + encode(csrf.group(1));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + action))
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
