package org.onedoor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.onedoor.directory.Directory;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.onedoor.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sign-in, CSRF and the API's problem details for 401 and 403, over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Directory directory;

    @Test
    void apiWithoutCredentialsReturnsProblem401() {
        HttpResponse<String> response = ApiClient.anonymous(port).get("/api/v1/partners");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":401").contains("HTTP Basic");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"OneDoor\"");
    }

    @Test
    void apiWithWrongPasswordReturnsProblem401() {
        HttpResponse<String> response = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, "not-the-password").get("/api/v1/partners");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"status\":401").contains("credentials were rejected");
    }

    @Test
    void apiAcceptsHttpBasic() {
        HttpResponse<String> response = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD).get("/api/v1/partners");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void apiAcceptsSessionAndRejectsChangeWithoutCsrfAsProblem403() throws Exception {
        WebSession browser = WebSession.signIn(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);

        HttpResponse<String> read = browser.send(HttpRequest.newBuilder(url("/api/v1/partners")).build());
        HttpResponse<String> change = browser.send(HttpRequest.newBuilder(url("/api/v1/imports/businesses"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("a,b\n1,2\n")).build());

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(change.statusCode()).isEqualTo(403);
        assertThat(change.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(change.body()).contains("\"status\":403").contains("X-CSRF-TOKEN");
    }

    @Test
    void signInFormRejectsPostWithoutCsrfToken() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(url("/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("email", TestAccounts.ADMIN_EMAIL, "password", TestAccounts.ADMIN_PASSWORD)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void signInWithWrongPasswordShowsError() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
        String csrf = csrfToken(client.send(HttpRequest.newBuilder(url("/sign-in")).build(), HttpResponse.BodyHandlers.ofString()).body());

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(url("/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("email", TestAccounts.ADMIN_EMAIL, "password", "wrong-password", "_csrf", csrf)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.uri().toString()).endsWith("/sign-in?error");
        assertThat(response.body()).contains("The email or password is not correct");
    }

    @Test
    void pagesRedirectToSignInWhenSignedOut() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url("/businesses")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/sign-in"));
    }

    @Test
    void staffCannotOpenAdministration() throws Exception {
        long partnerId = directory.partners().get(0).id();
        TestAccounts.ensure(accounts, "security.staff@onedoor.test", Role.STAFF, partnerId);
        WebSession staff = WebSession.signIn(port, "security.staff@onedoor.test", TestAccounts.PASSWORD);

        HttpResponse<String> home = staff.send(HttpRequest.newBuilder(url("/")).build());
        HttpResponse<String> admin = staff.send(HttpRequest.newBuilder(url("/admin/users")).build());

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains(directory.partners().get(0).name());
        assertThat(admin.statusCode()).isEqualTo(403);
        assertThat(admin.body()).contains("Administration is for administrators and partner administrators");
        assertThat(home.body()).doesNotContain(">Admin<").contains("Change password");
    }

    @Test
    void passwordErrorsAppearNextToTheirFields() throws Exception {
        WebSession admin = WebSession.signIn(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        HttpResponse<String> response = admin.postForm("/account/password", "/account/password", Map.of(
                "currentPassword", "not-my-password",
                "newPassword", "a-new-long-password",
                "confirmPassword", "a-new-long-password"));

        assertThat(response.body()).containsPattern(
                "id=\"currentPassword-error\"[^>]*>Current password is not correct");
    }

    @Test
    void invalidIdOnPageShowsErrorPage() throws Exception {
        WebSession admin = WebSession.signIn(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);

        HttpResponse<String> response = admin.send(HttpRequest.newBuilder(url("/businesses/abc"))
                .header("Accept", "text/html").build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("Value &#39;abc&#39; of &#39;id&#39; is invalid");
    }

    @Test
    void unknownApiPathIsProblem404() {
        HttpResponse<String> response = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD)
                .get("/api/v1/programs/999");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("There is no API endpoint at /api/v1/programs/999").contains("/v3/api-docs");
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        UserAccount account = TestAccounts.ensure(accounts, "security.hash@onedoor.test", Role.ADMINISTRATOR, null);

        assertThat(accounts.passwordMatches(account.id(), TestAccounts.PASSWORD)).isTrue();
        assertThat(accounts.passwordMatches(account.id(), "something-else-entirely")).isFalse();
    }

    @Test
    void shortPasswordIsRejectedWithTheFix() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.open(
                        new NewUserAccount("short.password@onedoor.test", "Short Password", Role.ADMINISTRATOR, null, "tooshort")))
                .isInstanceOf(UserAccountException.class)
                .hasMessageContaining("at least 12 characters");
    }

    @Test
    void staffAccountWithoutPartnerIsRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.open(
                        new NewUserAccount("no.partner@onedoor.test", "No Partner", Role.STAFF, null, TestAccounts.PASSWORD)))
                .isInstanceOf(UserAccountException.class)
                .hasMessageContaining("belongs to one partner");
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String csrfToken(String html) {
        Matcher matcher = CSRF_FIELD.matcher(html);
        assertThat(matcher.find()).as("CSRF field in the sign-in form").isTrue();
        return matcher.group(1);
    }

    private static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }
}
