package org.onedoor.support;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in browser session without a browser: signs in through the sign-in form, keeps the session cookie, and
 * posts forms with the CSRF token read from the page that shows the form. Redirects are not followed, so tests
 * can check them.
 */
public final class WebSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String baseUrl;

    private WebSession(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /**
     * Signs in with the sign-in form.
     *
     * @throws IllegalStateException when the sign-in is rejected
     */
    public static WebSession signIn(int port, String email, String password) {
        WebSession session = new WebSession(port);

        HttpResponse<String> response = session.postForm("/sign-in", "/sign-in", Map.of("email", email, "password", password));

        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Sign-in as " + email + " failed with " + response.statusCode() + " " + location);
        }
        return session;
    }

    /** Starts a session without signing in, as a visitor of the public pages. */
    public static WebSession anonymous(int port) {
        return new WebSession(port);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    /** Opens {@code formPage}, takes its CSRF token and posts the fields to {@code action}. */
    public HttpResponse<String> postForm(String formPage, String action, Map<String, String> fields) {
        return post(action, fields, csrfToken(get(formPage).body()));
    }

    /** Posts the fields with the given CSRF token, or without one when it is {@code null}. */
    public HttpResponse<String> post(String action, Map<String, String> fields, String csrfToken) {
        Map<String, String> body = new LinkedHashMap<>(fields);
        if (csrfToken != null) {
            body.put("_csrf", csrfToken);
        }
        String encoded = body.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));

        return send(HttpRequest.newBuilder(URI.create(baseUrl + action))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded))
                .build());
    }

    /**
     * Opens a streaming GET, such as a server-sent event stream, whose lines arrive as the server writes them.
     * The caller closes the stream.
     */
    public HttpResponse<java.util.stream.Stream<String>> openLines(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/event-stream").GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new IllegalStateException("Request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + request.uri(), e);
        }
    }

    /** Sends any request built on this session's base address, with its cookie. */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + request.uri(), e);
        }
    }

    /**
     * Returns the session cookie as a {@code Cookie} header value, such as {@code JSESSIONID=...}, so that another
     * HTTP client can send requests in this session.
     */
    public String cookieHeader() {
        return ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
    }

    public URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    /** Returns the CSRF token of the first form in the page. */
    public static String csrfToken(String html) {
        Matcher csrf = CSRF_FIELD.matcher(html);
        if (!csrf.find()) {
            throw new IllegalStateException("The page has no CSRF field");
        }
        return csrf.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
