package org.onedoor.businesses.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onedoor.businesses.profile.ProfileFixtures.api;
import static org.onedoor.businesses.profile.ProfileFixtures.post;
import static org.onedoor.businesses.profile.ProfileFixtures.put;
import static org.onedoor.businesses.profile.PartnerFieldVisibilityTest.errorOf;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.onedoor.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/** Defines partner fields through the API and the administration page, and checks values against them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PartnerFieldDefinitionTest {

    @LocalServerPort
    int port;

    @Autowired
    BusinessRegistry registry;

    private final UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    private long partnerA;
    private long partnerB;
    private UserAccount adminA;
    private ApiClient adminApi;
    private ApiClient staffApi;
    private long businessId;

    @Autowired
    PartnerFieldDefinitionTest(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @BeforeEach
    void setUp() {
        partnerA = ProfileFixtures.partner(jdbc, "Definition test A " + ProfileFixtures.uniqueWord());
        partnerB = ProfileFixtures.partner(jdbc, "Definition test B " + ProfileFixtures.uniqueWord());
        adminA = ProfileFixtures.account(accounts, Role.PARTNER_ADMINISTRATOR, partnerA);
        adminApi = api(port, adminA);
        staffApi = api(port, ProfileFixtures.account(accounts, Role.STAFF, partnerA));
        businessId = ProfileFixtures.importedBusiness(registry, ProfileFixtures.uniqueWord());
    }

    @Test
    void staffCannotDefineFields() {
        HttpResponse<String> response = post(staffApi, "/api/v1/partner-fields", """
                {"partnerId": %d, "name": "Anything", "type": "TEXT", "visibility": "SHARED"}
                """.formatted(partnerA));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void partnerAdministratorCannotDefineForAnotherPartner() {
        HttpResponse<String> response = post(adminApi, "/api/v1/partner-fields", """
                {"partnerId": %d, "name": "Anything", "type": "TEXT", "visibility": "SHARED"}
                """.formatted(partnerB));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void administratorDefinesForAnyPartner() {
        ApiClient admin = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);

        HttpResponse<String> response = post(admin, "/api/v1/partner-fields", """
                {"partnerId": %d, "name": "Board seat", "type": "YES_NO", "visibility": "SHARED"}
                """.formatted(partnerB));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @Test
    void rejectsInvalidDefinitions() {
        HttpResponse<String> response = post(adminApi, "/api/v1/partner-fields", """
                {"partnerId": %d, "name": " ", "type": "COLOUR", "visibility": "SECRET", "pattern": "([a-z"}
                """.formatted(partnerA));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorOf(json, response, "name")).contains("missing");
        assertThat(errorOf(json, response, "type")).contains("'COLOUR'").contains("CHOICE");
        assertThat(errorOf(json, response, "visibility")).contains("'SECRET'").contains("CONFIDENTIAL");
        assertThat(errorOf(json, response, "pattern")).contains("([a-z");
    }

    @Test
    void rejectsDuplicateNameForSamePartner() {
        define("{\"name\": \"Wage level\", \"type\": \"TEXT\", \"visibility\": \"SHARED\"}");

        HttpResponse<String> response = post(adminApi, "/api/v1/partner-fields", """
                {"partnerId": %d, "name": "WAGE LEVEL", "type": "TEXT", "visibility": "SHARED"}
                """.formatted(partnerA));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorOf(json, response, "name")).contains("already has a field");
    }

    @Test
    void numberFieldChecksMinimumAndMaximum() {
        long field = define("{\"name\": \"Openings\", \"type\": \"NUMBER\", \"visibility\": \"SHARED\","
                + " \"minValue\": 1, \"maxValue\": 500}");

        HttpResponse<String> tooMany = setValue(field, "501");
        HttpResponse<String> notNumber = setValue(field, "a dozen");
        HttpResponse<String> fine = setValue(field, "12.50");

        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(errorOf(json, tooMany, "value")).contains("501").contains("maximum 500");
        assertThat(errorOf(json, notNumber, "value")).contains("'a dozen'");
        assertThat(fine.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT value FROM partner_field_value WHERE business_id = :b AND field_id = :f")
                .param("b", businessId).param("f", field).query(String.class).single()).isEqualTo("12.5");
    }

    @Test
    void choiceDateAndPatternFieldsCheckValues() {
        long choice = define("{\"name\": \"Sector partnership\", \"type\": \"CHOICE\", \"visibility\": \"SHARED\","
                + " \"choices\": [\"Manufacturing\", \"Health care\"]}");
        long date = define("{\"name\": \"Agreement signed\", \"type\": \"DATE\", \"visibility\": \"SHARED\"}");
        long pattern = define("{\"name\": \"Case number\", \"type\": \"TEXT\", \"visibility\": \"PARTNER_ONLY\","
                + " \"pattern\": \"VR-[0-9]{6}\"}");

        assertThat(errorOf(json, setValue(choice, "Retail"), "value")).contains("'Retail'").contains("Health care");
        assertThat(setValue(choice, "health care").statusCode()).isEqualTo(200);
        assertThat(errorOf(json, setValue(date, "07/01/2026"), "value")).contains("2026-07-01");
        assertThat(setValue(date, "2026-07-01").statusCode()).isEqualTo(200);
        assertThat(errorOf(json, setValue(pattern, "123456"), "value")).contains("VR-[0-9]{6}");
        assertThat(setValue(pattern, "VR-123456").statusCode()).isEqualTo(200);
    }

    @Test
    void rejectsUnknownKeysInValueBody() {
        long field = define("{\"name\": \"Note\", \"type\": \"TEXT\", \"visibility\": \"SHARED\"}");

        HttpResponse<String> response = put(adminApi, "/api/v1/businesses/" + businessId + "/partner-fields/" + field,
                "{\"value\": \"x\", \"colour\": \"red\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorOf(json, response, "colour")).contains("unknown");
    }

    @Test
    void unknownBusinessGives404() {
        long field = define("{\"name\": \"Other note\", \"type\": \"TEXT\", \"visibility\": \"SHARED\"}");

        HttpResponse<String> response = put(adminApi, "/api/v1/businesses/999999999/partner-fields/" + field,
                "{\"value\": \"x\"}");

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void definitionPageDefinesFieldForOwnPartner() {
        WebSession page = WebSession.signIn(port, adminA.email(), TestAccounts.PASSWORD);
        String name = "Page field " + ProfileFixtures.uniqueWord();

        HttpResponse<String> response = page.postForm("/admin/partner-fields", "/admin/partner-fields",
                Map.of("partnerId", String.valueOf(partnerB), "name", name, "type", "TEXT",
                        "visibility", "CONFIDENTIAL"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(page.get("/admin/partner-fields").body()).contains(name).contains("Defined the field");
        assertThat(jdbc.sql("SELECT partner_id FROM partner_field WHERE name = :name").param("name", name)
                .query(Long.class).single()).isEqualTo(partnerA);
    }

    @Test
    void definitionPageShowsErrors() {
        WebSession page = WebSession.signIn(port, adminA.email(), TestAccounts.PASSWORD);

        HttpResponse<String> response = page.postForm("/admin/partner-fields", "/admin/partner-fields",
                Map.of("name", "", "type", "NUMBER", "minValue", "ten", "visibility", "SHARED"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("usa-form-group--error").contains("&#39;ten&#39; is not a number");
    }

    private long define(String body) {
        String withPartner = "{\"partnerId\": " + partnerA + ", " + body.substring(1);
        HttpResponse<String> response = post(adminApi, "/api/v1/partner-fields", withPartner);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asLong();
    }

    private HttpResponse<String> setValue(long fieldId, String value) {
        return put(adminApi, "/api/v1/businesses/" + businessId + "/partner-fields/" + fieldId,
                "{\"value\": \"" + value + "\"}");
    }
}
