package org.onedoor.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onedoor.webhooks.WebhookFixtures.JSON;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.onedoor.support.WebSession;
import org.onedoor.webhooks.internal.WebhookRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Registration and management of webhooks through the API: input checks, rights, and the secret shown once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookApiTest {

    private static final Pattern ISSUED_TOKEN = Pattern.compile("id=\"issued-token\"[^>]*value=\"([^\"]+)\"");
    private static final String URL = "https://cases.example.org/onedoor/events";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    TestPartner partner;
    TestPartner otherPartner;
    String partnerAdminEmail;
    ApiClient partnerAdmin;

    @BeforeEach
    void setUp() {
        partner = DirectoryFixtures.createPartner(jdbc);
        otherPartner = DirectoryFixtures.createPartner(jdbc);
        partnerAdminEmail = "webhook-admin-" + partner.suffix() + "@onedoor.test";
        TestAccounts.ensure(accounts, partnerAdminEmail, Role.PARTNER_ADMINISTRATOR, partner.partnerId());
        partnerAdmin = ApiClient.as(port, partnerAdminEmail, TestAccounts.PASSWORD);
    }

    @Test
    void registrationReturnsSecretOnce() {
        HttpResponse<String> created = post(partnerAdmin, "/api/v1/webhooks",
                Map.of("url", URL, "eventTypes", List.of("referral.status_changed", "referral.sent")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode webhook = JSON.readTree(created.body());
        assertThat(webhook.get("partnerId").asLong()).as("the caller's own partner").isEqualTo(partner.partnerId());
        assertThat(webhook.get("secret").asString()).startsWith(WebhookRegistry.SECRET_PREFIX).hasSizeGreaterThan(40);
        assertThat(webhook.get("active").asBoolean()).isTrue();
        assertThat(webhook.get("eventTypes").toString()).isEqualTo("[\"referral.sent\",\"referral.status_changed\"]");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/webhooks/" + webhook.get("id").asLong());

        HttpResponse<String> read = partnerAdmin.get("/api/v1/webhooks/" + webhook.get("id").asLong());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).has("secret")).isFalse();
        HttpResponse<String> list = partnerAdmin.get("/api/v1/webhooks");
        assertThat(list.body()).doesNotContain(webhook.get("secret").asString());
    }

    @Test
    void rotationReplacesSecret() {
        JsonNode webhook = JSON.readTree(post(partnerAdmin, "/api/v1/webhooks",
                Map.of("url", URL, "eventTypes", List.of("referral.sent"))).body());
        long id = webhook.get("id").asLong();

        HttpResponse<String> rotated = post(partnerAdmin, "/api/v1/webhooks/" + id + "/secret", Map.of());

        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String newSecret = JSON.readTree(rotated.body()).get("secret").asString();
        assertThat(newSecret).startsWith(WebhookRegistry.SECRET_PREFIX).isNotEqualTo(webhook.get("secret").asString());
        String stored = jdbc.sql("SELECT secret FROM webhook WHERE id = :id").param("id", id).query(String.class).single();
        assertThat(stored).isEqualTo(newSecret);
    }

    @Test
    void invalidInputNamesEachField() {
        record Case(Object url, Object eventTypes, String field, String message) {
        }
        List<Case> cases = List.of(
                new Case("", List.of("referral.sent"), "url", "URL is missing"),
                new Case("ftp://cases.example.org/in", List.of("referral.sent"), "url", "http:// or https://"),
                new Case("cases.example.org/in", List.of("referral.sent"), "url", "http:// or https://"),
                new Case("https://user:pw@cases.example.org/in", List.of("referral.sent"), "url", "user name or password"),
                new Case("https://cases.example.org/in#part", List.of("referral.sent"), "url", "fragment"),
                new Case("https://cases example.org/in", List.of("referral.sent"), "url", "is invalid"),
                new Case("https://" + "a".repeat(2000) + ".org", List.of("referral.sent"), "url", "Use at most 2000"),
                new Case(URL, List.of(), "eventTypes", "Event types are missing"),
                new Case(URL, List.of("referral.sent", "referral.deleted"), "eventTypes", "'referral.deleted' is unknown"));

        for (Case bad : cases) {
            Map<String, Object> body = new java.util.HashMap<>();
            body.put("url", bad.url());
            body.put("eventTypes", bad.eventTypes());
            HttpResponse<String> response = post(partnerAdmin, "/api/v1/webhooks", body);

            assertThat(response.statusCode()).as("%s: %s", bad, response.body()).isEqualTo(400);
            JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
            assertThat(error.get("field").asString()).as("%s", bad).isEqualTo(bad.field());
            assertThat(error.get("message").asString()).as("%s", bad).contains(bad.message());
        }
        assertThat(countWebhooks(partner)).isZero();
    }

    @Test
    void missingUrlAndEventsAreBothNamed() {
        HttpResponse<String> response = post(partnerAdmin, "/api/v1/webhooks", Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        JSON.readTree(response.body()).get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).containsExactly("url", "eventTypes");
    }

    @Test
    void administratorMustNamePartner() {
        ApiClient admin = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);

        HttpResponse<String> response = post(admin, "/api/v1/webhooks",
                Map.of("url", URL, "eventTypes", List.of("referral.sent")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("partnerId");
    }

    @Test
    void otherPartnersWebhooksAreForbidden() {
        ApiClient admin = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        long otherId = JSON.readTree(post(admin, "/api/v1/webhooks", Map.of("partnerId", otherPartner.partnerId(),
                "url", URL, "eventTypes", List.of("referral.sent"))).body()).get("id").asLong();

        HttpResponse<String> read = partnerAdmin.get("/api/v1/webhooks/" + otherId);
        HttpResponse<String> delete = partnerAdmin.send(partnerAdmin.request("/api/v1/webhooks/" + otherId).DELETE().build());
        HttpResponse<String> register = post(partnerAdmin, "/api/v1/webhooks", Map.of("partnerId",
                otherPartner.partnerId(), "url", URL, "eventTypes", List.of("referral.sent")));
        HttpResponse<String> list = partnerAdmin.get("/api/v1/webhooks?partnerId=" + otherPartner.partnerId());

        assertThat(read.statusCode()).isEqualTo(403);
        assertThat(read.body()).contains(otherPartner.partnerName());
        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(register.statusCode()).isEqualTo(403);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).as("a partner administrator lists only their own partner's").doesNotContain("\"id\":" + otherId + ",");
        assertThat(countWebhooks(otherPartner)).isEqualTo(1);
    }

    @Test
    void staffMayNotManageWebhooks() {
        String staffEmail = "webhook-staff-" + partner.suffix() + "@onedoor.test";
        TestAccounts.ensure(accounts, staffEmail, Role.STAFF, partner.partnerId());

        HttpResponse<String> response = post(ApiClient.as(port, staffEmail, TestAccounts.PASSWORD), "/api/v1/webhooks",
                Map.of("url", URL, "eventTypes", List.of("referral.sent")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(countWebhooks(partner)).isZero();
    }

    @Test
    void partnerTokenManagesOwnWebhooks() {
        ApiClient system = ApiClient.bearer(port, issueToken());

        HttpResponse<String> created = post(system, "/api/v1/webhooks", Map.of("url", URL, "eventTypes",
                List.of("referral.first_contact_recorded")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();
        assertThat(JSON.readTree(created.body()).get("createdBy").asString()).startsWith("Partner system: ");

        HttpResponse<String> updated = system.putJson("/api/v1/webhooks/" + id,
                "{\"url\":\"https://cases.example.org/v2\",\"eventTypes\":[\"referral.sent\"],\"active\":false}");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        JsonNode changed = JSON.readTree(updated.body());
        assertThat(changed.get("url").asString()).isEqualTo("https://cases.example.org/v2");
        assertThat(changed.get("active").asBoolean()).isFalse();

        HttpResponse<String> keepsActive = system.putJson("/api/v1/webhooks/" + id,
                "{\"url\":\"https://cases.example.org/v3\",\"eventTypes\":[\"referral.sent\"]}");
        assertThat(JSON.readTree(keepsActive.body()).get("active").asBoolean()).as("active left out").isFalse();

        HttpResponse<String> other = post(system, "/api/v1/webhooks", Map.of("partnerId", otherPartner.partnerId(),
                "url", URL, "eventTypes", List.of("referral.sent")));
        assertThat(other.statusCode()).isEqualTo(403);

        HttpResponse<String> deleted = system.send(system.request("/api/v1/webhooks/" + id).DELETE().build());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(system.get("/api/v1/webhooks/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void unknownFieldIsRejected() {
        HttpResponse<String> response = partnerAdmin.post("/api/v1/webhooks", "application/json",
                HttpRequest.BodyPublishers.ofString("{\"url\":\"" + URL + "\",\"eventTypes\":[\"referral.sent\"],"
                        + "\"secret\":\"mine\"}"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("'secret' is unknown");
    }

    private String issueToken() {
        WebSession session = WebSession.signIn(port, partnerAdminEmail, TestAccounts.PASSWORD);
        String page = session.postForm("/admin/tokens", "/admin/tokens",
                Map.of("partner", String.valueOf(partner.partnerId()), "name", "Case system " + partner.suffix())).body();
        Matcher token = ISSUED_TOKEN.matcher(page);
        assertThat(token.find()).as("the tokens page shows the new token").isTrue();
        return token.group(1);
    }

    private static HttpResponse<String> post(ApiClient client, String path, Map<String, ?> body) {
        return client.post(path, "application/json", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    private int countWebhooks(TestPartner owner) {
        return jdbc.sql("SELECT count(*) FROM webhook WHERE partner_id = :id")
                .param("id", owner.partnerId()).query(Integer.class).single();
    }
}
