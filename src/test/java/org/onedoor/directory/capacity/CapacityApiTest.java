package org.onedoor.directory.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.onedoor.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sets and reads capacity through the API and the service page, as staff, partner systems and other partners. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CapacityApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    TestPartner partner;
    TestPartner otherPartner;
    String staffEmail;
    String partnerAdminEmail;

    @BeforeEach
    void setUp() {
        partner = DirectoryFixtures.createPartner(jdbc);
        otherPartner = DirectoryFixtures.createPartner(jdbc);
        staffEmail = CapacityFixtures.account(accounts, Role.STAFF, partner.partnerId(), partner.suffix());
        partnerAdminEmail = CapacityFixtures.account(accounts, Role.PARTNER_ADMINISTRATOR, partner.partnerId(), partner.suffix());
    }

    private ApiClient staff() {
        return ApiClient.as(port, staffEmail, TestAccounts.PASSWORD);
    }

    private String capacityPath(TestPartner owner) {
        return "/api/v1/services/" + owner.serviceId() + "/capacity";
    }

    @Test
    void staffSetsAndReadsCapacity() {
        HttpResponse<String> put = staff().putJson(capacityPath(partner),
                CapacityFixtures.figures("COHORT_SEATS", 6, 12, "P7D"));

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(staff().get(capacityPath(partner)).body());
        assertThat(body.get("status").asString()).isEqualTo("AVAILABLE");
        assertThat(body.get("referable").asBoolean()).isTrue();
        assertThat(body.get("unit").asString()).isEqualTo("COHORT_SEATS");
        assertThat(body.get("available").asInt()).isEqualTo(6);
        assertThat(body.get("maximum").asInt()).isEqualTo(12);
        assertThat(body.get("freshnessLimit").asString()).isEqualTo("PT168H");
        assertThat(body.get("updatedBy").asString()).isEqualTo("staff-" + partner.suffix());
    }

    @Test
    void serviceWithoutFiguresIsUnknown() {
        JsonNode body = JSON.readTree(staff().get(capacityPath(partner)).body());

        assertThat(body.get("status").asString()).isEqualTo("UNKNOWN");
        assertThat(body.get("referable").asBoolean()).isFalse();
        assertThat(body.get("unit").isNull()).isTrue();
    }

    @Test
    void zeroAvailableIsFull() {
        staff().putJson(capacityPath(partner), CapacityFixtures.figures("SLOTS", 0, 5, "P7D"));

        JsonNode body = JSON.readTree(staff().get(capacityPath(partner)).body());
        assertThat(body.get("status").asString()).isEqualTo("FULL");
        assertThat(body.get("referable").asBoolean()).isFalse();
    }

    @Test
    void availableAboveMaximumIsRejected() {
        HttpResponse<String> response = staff().putJson(capacityPath(partner),
                CapacityFixtures.figures("SLOTS", 11, 10, "P7D"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("available");
        assertThat(error.get("message").asString()).contains("Available 11 is above the maximum 10");
        assertThat(JSON.readTree(staff().get(capacityPath(partner)).body()).get("status").asString())
                .as("nothing was saved").isEqualTo("UNKNOWN");
    }

    @Test
    void negativeFiguresAreRejected() {
        HttpResponse<String> response = staff().putJson(capacityPath(partner),
                CapacityFixtures.figures("SLOTS", -1, -5, "P7D"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = JSON.readTree(response.body()).get("errors");
        assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("available", "maximum");
        assertThat(errors.findValuesAsString("message")).anyMatch(message -> message.contains("Maximum -5 is below zero"));
    }

    @Test
    void unknownUnitAndFreshnessAreRejected() {
        HttpResponse<String> unit = staff().putJson(capacityPath(partner), CapacityFixtures.figures("BEDS", 1, 2, "P7D"));
        HttpResponse<String> freshness = staff().putJson(capacityPath(partner),
                CapacityFixtures.figures("SLOTS", 1, 2, "a week"));
        HttpResponse<String> tooShort = staff().putJson(capacityPath(partner),
                CapacityFixtures.figures("SLOTS", 1, 2, "PT10M"));

        assertThat(unit.statusCode()).isEqualTo(400);
        assertThat(unit.body()).contains("\"field\":\"unit\"", "Unit 'BEDS' is invalid");
        assertThat(freshness.statusCode()).isEqualTo(400);
        assertThat(freshness.body()).contains("\"field\":\"freshnessLimit\"", "Freshness limit 'a week' is invalid");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("\"field\":\"freshnessLimit\"", "between 1 hour and 365 days");
    }

    @Test
    void textForNumberNamesField() {
        HttpResponse<String> response = staff().putJson(capacityPath(partner),
                "{\"unit\":\"SLOTS\",\"available\":\"many\",\"maximum\":10}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("errors").get(0).get("field").asString()).isEqualTo("available");
    }

    @Test
    void freshnessInHours() {
        HttpResponse<String> response = staff().putJson(capacityPath(partner),
                "{\"unit\":\"HOURS\",\"available\":3,\"maximum\":40,\"freshnessLimitHours\":36}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("freshnessLimit").asString()).isEqualTo("PT36H");
    }

    @Test
    void heldAndUsedUnitsLimitAvailable() {
        staff().putJson(capacityPath(partner), CapacityFixtures.figures("SLOTS", 5, 10, "P7D"));
        jdbc.sql("UPDATE service_capacity SET available_units = 2, held_units = 2, used_units = 1 WHERE service_id = :id")
                .param("id", partner.serviceId()).update();

        HttpResponse<String> tooMany = staff().putJson(capacityPath(partner), CapacityFixtures.figures("SLOTS", 8, 10, "P7D"));
        HttpResponse<String> fits = staff().putJson(capacityPath(partner), CapacityFixtures.figures("SLOTS", 7, 10, "P7D"));

        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("2 units are held for referrals and 1 are used", "at most 7 can be available");
        assertThat(fits.statusCode()).as(fits.body()).isEqualTo(200);
        JsonNode saved = JSON.readTree(fits.body());
        assertThat(saved.get("held").asInt()).isEqualTo(2);
        assertThat(saved.get("used").asInt()).isEqualTo(1);
    }

    @Test
    void databaseChecksRejectOutOfRangeCounts() {
        staff().putJson(capacityPath(partner), CapacityFixtures.figures("SLOTS", 5, 10, "P7D"));

        assertThatThrownBy(() -> jdbc.sql("UPDATE service_capacity SET available_units = -1 WHERE service_id = :id")
                .param("id", partner.serviceId()).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE service_capacity SET held_units = 6 WHERE service_id = :id")
                .param("id", partner.serviceId()).update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("service_capacity_within_maximum");
    }

    @Test
    void holdIsOneConditionalUpdate() {
        staff().putJson(capacityPath(partner), CapacityFixtures.figures("SLOTS", 1, 1, "P7D"));
        String hold = """
                UPDATE service_capacity SET available_units = available_units - 1, held_units = held_units + 1
                WHERE service_id = :id AND available_units > 0 AND updated_at + freshness_limit > now()""";

        int first = jdbc.sql(hold).param("id", partner.serviceId()).update();
        int second = jdbc.sql(hold).param("id", partner.serviceId()).update();

        assertThat(first).isEqualTo(1);
        assertThat(second).as("no unit left to hold").isZero();
        assertThat(JSON.readTree(staff().get(capacityPath(partner)).body()).get("status").asString()).isEqualTo("FULL");
    }

    @Test
    void staleFiguresAreUnknownUntilConfirmed() {
        staff().putJson(capacityPath(partner), CapacityFixtures.figures("SLOTS", 4, 10, "P7D"));
        jdbc.sql("UPDATE service_capacity SET updated_at = now() - interval '8 days' WHERE service_id = :id")
                .param("id", partner.serviceId()).update();

        JsonNode stale = JSON.readTree(staff().get(capacityPath(partner)).body());
        assertThat(stale.get("status").asString()).isEqualTo("UNKNOWN");
        assertThat(stale.get("referable").asBoolean()).isFalse();
        WebSession session = WebSession.signIn(port, staffEmail, TestAccounts.PASSWORD);
        String servicePage = "/directory/services/" + partner.serviceId();
        assertThat(session.get(servicePage).body()).contains("Availability unknown", "older than their freshness limit");

        HttpResponse<String> confirm = session.postForm(servicePage, servicePage + "/capacity/confirm", Map.of());

        assertThat(confirm.statusCode()).isEqualTo(302);
        JsonNode confirmed = JSON.readTree(staff().get(capacityPath(partner)).body());
        assertThat(confirmed.get("status").asString()).isEqualTo("AVAILABLE");
        assertThat(confirmed.get("available").asInt()).isEqualTo(4);
    }

    @Test
    void otherPartnersStaffGets403NamingPartner() {
        String outsider = CapacityFixtures.account(accounts, Role.STAFF, otherPartner.partnerId(), otherPartner.suffix());

        HttpResponse<String> response = ApiClient.as(port, outsider, TestAccounts.PASSWORD)
                .putJson(capacityPath(partner), CapacityFixtures.figures("SLOTS", 1, 2, "P7D"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("detail").asString()).contains("belongs to " + partner.partnerName());
        assertThat(problem.get("servicePartnerName").asString()).isEqualTo(partner.partnerName());
    }

    @Test
    void administratorMaySetAnyService() {
        HttpResponse<String> response = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD)
                .putJson(capacityPath(otherPartner), CapacityFixtures.figures("HOURS", 10, 20, "P3D"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void partnerTokenSetsOwnServiceOnly() {
        String token = CapacityFixtures.issueToken(port, partnerAdminEmail, partner.partnerId(), "Case system");
        ApiClient system = ApiClient.bearer(port, token);

        HttpResponse<String> own = system.putJson(capacityPath(partner), CapacityFixtures.figures("SLOTS", 3, 9, "P1D"));
        HttpResponse<String> other = system.putJson(capacityPath(otherPartner), CapacityFixtures.figures("SLOTS", 3, 9, "P1D"));

        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(JSON.readTree(own.body()).get("updatedBy").asString()).isEqualTo("Partner system: Case system");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(other.body()).get("detail").asString()).contains("belongs to " + otherPartner.partnerName());
        assertThat(jdbc.sql("SELECT last_used_at IS NOT NULL FROM partner_api_token WHERE partner_id = :id")
                .param("id", partner.partnerId()).query(Boolean.class).single()).as("last use recorded").isTrue();
    }

    @Test
    void partnerTokenReadsDirectoryButNotBusinesses() {
        String token = CapacityFixtures.issueToken(port, partnerAdminEmail, partner.partnerId(), "Reader");
        ApiClient system = ApiClient.bearer(port, token);

        assertThat(system.get("/api/v1/services/" + partner.serviceId()).statusCode()).isEqualTo(200);
        assertThat(system.get(capacityPath(partner)).statusCode()).isEqualTo(200);
        HttpResponse<String> businesses = system.get("/api/v1/businesses");
        assertThat(businesses.statusCode()).isEqualTo(403);
        assertThat(businesses.body()).contains("A partner API token may only read the directory");
    }

    @Test
    void revokedTokenIsRejected() {
        String token = CapacityFixtures.issueToken(port, partnerAdminEmail, partner.partnerId(), "Old system");
        ApiClient system = ApiClient.bearer(port, token);
        assertThat(system.get(capacityPath(partner)).statusCode()).isEqualTo(200);
        long tokenId = jdbc.sql("SELECT id FROM partner_api_token WHERE partner_id = :id AND name = 'Old system'")
                .param("id", partner.partnerId()).query(Long.class).single();

        WebSession admin = WebSession.signIn(port, partnerAdminEmail, TestAccounts.PASSWORD);
        HttpResponse<String> revoke = admin.postForm("/admin/tokens", "/admin/tokens/" + tokenId + "/revoke", Map.of());

        assertThat(revoke.statusCode()).isEqualTo(302);
        HttpResponse<String> rejected = system.get(capacityPath(partner));
        assertThat(rejected.statusCode()).isEqualTo(401);
        assertThat(rejected.body()).contains("bearer token was rejected");
        assertThat(admin.get("/admin/tokens").body()).contains("Old system", "Revoked");
    }

    @Test
    void unknownTokenIsRejected() {
        HttpResponse<String> response = ApiClient.bearer(port, "odp_not-a-real-token").get(capacityPath(partner));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void tokenIsStoredOnlyAsHash() {
        String token = CapacityFixtures.issueToken(port, partnerAdminEmail, partner.partnerId(), "Hashed");

        String stored = jdbc.sql("SELECT encode(token_hash, 'hex') FROM partner_api_token WHERE partner_id = :id")
                .param("id", partner.partnerId()).query(String.class).single();
        assertThat(stored).hasSize(64).doesNotContain(token.substring(4, 12));
        assertThat(WebSession.signIn(port, partnerAdminEmail, TestAccounts.PASSWORD).get("/admin/tokens").body())
                .as("the token is shown only once").contains("Hashed").doesNotContain(token);
    }

    @Test
    void staffMayNotManageTokens() {
        WebSession session = WebSession.signIn(port, staffEmail, TestAccounts.PASSWORD);

        assertThat(session.get("/admin/tokens").statusCode()).isEqualTo(403);
    }

    @Test
    void pageFormShowsErrorNamingValue() {
        WebSession session = WebSession.signIn(port, staffEmail, TestAccounts.PASSWORD);
        String servicePage = "/directory/services/" + partner.serviceId();

        HttpResponse<String> response = session.postForm(servicePage, servicePage + "/capacity", Map.of(
                "unit", "SLOTS", "available", "12", "maximum", "10", "freshnessAmount", "7", "freshnessPer", "days"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("usa-form-group--error", "Available 12 is above the maximum 10");
    }

    @Test
    void pageFormRejectsUnknownTimeUnit() {
        WebSession session = WebSession.signIn(port, staffEmail, TestAccounts.PASSWORD);
        String servicePage = "/directory/services/" + partner.serviceId();

        HttpResponse<String> response = session.postForm(servicePage, servicePage + "/capacity", Map.of(
                "unit", "SLOTS", "available", "3", "maximum", "10", "freshnessAmount", "2", "freshnessPer", "weeks"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("id=\"freshnessPer-error\"",
                "Time unit &#39;weeks&#39; is unknown. Choose days or hours.");
        assertThat(session.get(servicePage).body()).as("nothing saved").contains("No capacity figures yet");
    }

    @Test
    void pageFormSavesFigures() {
        WebSession session = WebSession.signIn(port, staffEmail, TestAccounts.PASSWORD);
        String servicePage = "/directory/services/" + partner.serviceId();

        HttpResponse<String> response = session.postForm(servicePage, servicePage + "/capacity", Map.of(
                "unit", "COHORT_SEATS", "available", "3", "maximum", "15", "freshnessAmount", "12", "freshnessPer", "hours"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(session.get(servicePage).body()).contains("3 of 15 cohort seats available now", "12 hours");
    }

    @Test
    void otherPartnersPageFormIsForbidden() {
        String outsider = CapacityFixtures.account(accounts, Role.PARTNER_ADMINISTRATOR, otherPartner.partnerId(), otherPartner.suffix());
        WebSession session = WebSession.signIn(port, outsider, TestAccounts.PASSWORD);
        String servicePage = "/directory/services/" + partner.serviceId();

        assertThat(session.get(servicePage).body()).as("no form for other partners").doesNotContain("Save capacity");
        HttpResponse<String> response = session.postForm(servicePage, servicePage + "/capacity", Map.of(
                "unit", "SLOTS", "available", "1", "maximum", "2", "freshnessAmount", "7", "freshnessPer", "days"));
        assertThat(response.statusCode()).isEqualTo(403);
    }
}
