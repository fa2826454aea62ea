package org.onedoor.businesses.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onedoor.businesses.profile.ProfileFixtures.api;
import static org.onedoor.businesses.profile.ProfileFixtures.post;
import static org.onedoor.businesses.profile.ProfileFixtures.put;
import static org.onedoor.businesses.profile.ProfilePatchApiTest.message;

import java.net.http.HttpResponse;

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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Partner A defines a shared, a partner-only and a confidential field and fills them for one business. Staff of
 * partner B then read the business through every path out of the system.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PartnerFieldVisibilityTest {

    @LocalServerPort
    int port;

    @Autowired
    BusinessRegistry registry;

    private final UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    private String businessName;
    private int houseNumber;
    private long businessId;
    private UserAccount staffA;
    private UserAccount staffB;
    private ApiClient apiA;
    private ApiClient apiB;
    private long sharedField;
    private long partnerOnlyField;
    private long confidentialField;
    private String sharedValue;
    private String partnerOnlyValue;
    private String confidentialValue;

    @Autowired
    PartnerFieldVisibilityTest(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @BeforeEach
    void setUp() {
        long partnerA = ProfileFixtures.partner(jdbc, "Vocational Rehabilitation test " + ProfileFixtures.uniqueWord());
        long partnerB = ProfileFixtures.partner(jdbc, "Adult Education test " + ProfileFixtures.uniqueWord());
        UserAccount adminA = ProfileFixtures.account(accounts, Role.PARTNER_ADMINISTRATOR, partnerA);
        staffA = ProfileFixtures.account(accounts, Role.STAFF, partnerA);
        staffB = ProfileFixtures.account(accounts, Role.STAFF, partnerB);
        apiA = api(port, staffA);
        apiB = api(port, staffB);
        String word = ProfileFixtures.uniqueWord();
        businessName = word + " LLC";
        houseNumber = java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 10_000);
        businessId = ProfileFixtures.importedBusiness(registry, word, houseNumber);

        ApiClient adminApi = api(port, adminA);
        sharedField = define(adminApi, partnerA, "Hiring events", "TEXT", "SHARED", true);
        partnerOnlyField = define(adminApi, partnerA, "Internal rating", "TEXT", "PARTNER_ONLY", true);
        confidentialField = define(adminApi, partnerA, "Counselor notes", "TEXT", "CONFIDENTIAL", false);
        sharedValue = "Sharedvalue" + ProfileFixtures.uniqueWord();
        partnerOnlyValue = "Partneronly" + ProfileFixtures.uniqueWord();
        confidentialValue = "Confidential" + ProfileFixtures.uniqueWord();
        assertThat(setValue(apiA, sharedField, sharedValue).statusCode()).isEqualTo(200);
        assertThat(setValue(apiA, partnerOnlyField, partnerOnlyValue).statusCode()).isEqualTo(200);
        assertThat(setValue(apiA, confidentialField, confidentialValue).statusCode()).isEqualTo(200);
    }

    @Test
    void apiProfileHidesOtherPartnersValues() {
        HttpResponse<String> response = apiB.get(profilePath());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain(partnerOnlyValue).doesNotContain(confidentialValue);
        assertThat(response.body()).contains(sharedValue);
        JsonNode fields = json.readTree(response.body()).get("partnerFields");
        assertThat(fields).extracting(field -> field.get("fieldId").asLong())
                .contains(sharedField).doesNotContain(partnerOnlyField, confidentialField);
    }

    @Test
    void apiProfileShowsOwnPartnersValuesAndHistory() {
        HttpResponse<String> response = apiA.get(profilePath());

        assertThat(response.body()).contains(sharedValue, partnerOnlyValue, confidentialValue);
        JsonNode profile = json.readTree(response.body());
        assertThat(ProfilePatchApiTest.history(profile, "partner_field"))
                .extracting(entry -> entry.get("newValue").asString())
                .contains(sharedValue, partnerOnlyValue, confidentialValue);
    }

    @Test
    void businessPageHidesOtherPartnersValues() {
        WebSession pageB = WebSession.signIn(port, staffB.email(), TestAccounts.PASSWORD);

        HttpResponse<String> page = pageB.get("/businesses/" + businessId);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain(partnerOnlyValue).doesNotContain(confidentialValue)
                .doesNotContain("Internal rating").doesNotContain("Counselor notes");
        assertThat(page.body()).contains(sharedValue).contains("Hiring events");
    }

    @Test
    void businessPageShowsOwnPartnersValues() {
        WebSession pageA = WebSession.signIn(port, staffA.email(), TestAccounts.PASSWORD);

        HttpResponse<String> page = pageA.get("/businesses/" + businessId);

        assertThat(page.body()).contains(sharedValue, partnerOnlyValue, confidentialValue);
    }

    @Test
    void searchNeitherMatchesNorShowsPartnerValues() {
        HttpResponse<String> bySecret = apiB.get("/api/v1/businesses?q=" + partnerOnlyValue);
        HttpResponse<String> byConfidential = apiB.get("/api/v1/businesses?q=" + confidentialValue);
        HttpResponse<String> byName = apiB.get("/api/v1/businesses?q=" + businessName.replace(" ", "+"));

        assertThat(json.readTree(bySecret.body()).get("total").asLong()).isZero();
        assertThat(json.readTree(byConfidential.body()).get("total").asLong()).isZero();
        assertThat(byName.body()).contains("\"id\":" + businessId)
                .doesNotContain(partnerOnlyValue).doesNotContain(confidentialValue);
    }

    @Test
    void searchPageAndCsvHidePartnerValues() {
        WebSession pageB = WebSession.signIn(port, staffB.email(), TestAccounts.PASSWORD);
        String query = businessName.replace(" ", "+");

        HttpResponse<String> list = pageB.get("/businesses?q=" + query);
        HttpResponse<String> bySecret = pageB.get("/businesses?q=" + partnerOnlyValue);
        HttpResponse<String> csv = pageB.get("/businesses.csv?q=" + query);

        assertThat(list.body()).contains("/businesses/" + businessId)
                .doesNotContain(partnerOnlyValue).doesNotContain(confidentialValue);
        assertThat(bySecret.body()).contains("0 businesses match");
        assertThat(csv.body()).contains(businessName).doesNotContain(partnerOnlyValue).doesNotContain(confidentialValue);
    }

    @Test
    void duplicateCandidatesShowNoPartnerFields() {
        long twin = ProfileFixtures.importedBusiness(registry, ProfileFixtures.uniqueWord(), houseNumber);
        WebSession pageA = WebSession.signIn(port, staffA.email(), TestAccounts.PASSWORD);

        HttpResponse<String> duplicates = apiA.get("/api/v1/businesses/" + twin + "/duplicates");
        HttpResponse<String> twinPage = pageA.get("/businesses/" + twin);
        HttpResponse<String> candidates = pageA.postForm("/businesses/new", "/businesses/new/candidates",
                java.util.Map.of("legalName", businessName, "streetAddress", houseNumber + " N Main St", "city", "South Bend",
                        "state", "IN", "zipCode", "46601"));

        assertThat(duplicates.statusCode()).isEqualTo(200);
        assertThat(duplicates.body()).contains("\"id\":" + businessId);
        assertThat(twinPage.body()).contains("Possible duplicates").contains("/businesses/" + businessId);
        assertThat(candidates.body()).contains(businessName);
        for (HttpResponse<String> response : java.util.List.of(duplicates, twinPage, candidates)) {
            assertThat(response.body()).doesNotContain(sharedValue).doesNotContain(partnerOnlyValue)
                    .doesNotContain(confidentialValue);
        }
    }

    @Test
    void otherPartnerCannotSetPartnerOnlyField() {
        HttpResponse<String> response = setValue(apiB, partnerOnlyField, "overwritten");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(apiA.get(profilePath()).body()).contains(partnerOnlyValue).doesNotContain("overwritten");
    }

    @Test
    void otherPartnerMaySetSharedField() {
        String value = "Bvalue" + ProfileFixtures.uniqueWord();

        HttpResponse<String> response = setValue(apiB, sharedField, value);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode field = partnerField(json.readTree(apiA.get(profilePath()).body()), sharedField);
        assertThat(field.get("value").asString()).isEqualTo(value);
        assertThat(field.get("userId").asLong()).isEqualTo(staffB.id());
        assertThat(field.get("partnerId").asLong()).isEqualTo(staffB.partnerId());
    }

    @Test
    void confidentialReadsAreRecordedForOwnerOnly() {
        apiA.get(profilePath());
        apiB.get(profilePath());
        WebSession.signIn(port, staffA.email(), TestAccounts.PASSWORD).get("/businesses/" + businessId);

        assertThat(jdbc.sql("SELECT path FROM partner_field_read WHERE business_id = :id AND user_id = :user"
                        + " AND field_id = :field ORDER BY id")
                .param("id", businessId)
                .param("user", staffA.id())
                .param("field", confidentialField)
                .query(String.class)
                .list())
                .contains("GET /api/v1/businesses/" + businessId, "GET /businesses/" + businessId,
                        "GET /api/v1/businesses/" + businessId + " (history)");
        assertThat(jdbc.sql("SELECT count(*) FROM partner_field_read WHERE business_id = :id AND user_id = :user")
                .param("id", businessId)
                .param("user", staffB.id())
                .query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM partner_field_read WHERE business_id = :id AND field_id <> :field")
                .param("id", businessId)
                .param("field", confidentialField)
                .query(Long.class)
                .single()).isZero();
    }

    @Test
    void missingFactsListOnlyVisibleRequiredFields() {
        long business = ProfileFixtures.importedBusiness(registry, ProfileFixtures.uniqueWord());

        String forA = apiA.get("/api/v1/businesses/" + business + "/missing-facts").body();
        String forB = apiB.get("/api/v1/businesses/" + business + "/missing-facts").body();

        assertThat(forA).contains("partnerFields." + sharedField, "partnerFields." + partnerOnlyField)
                .doesNotContain("partnerFields." + confidentialField);
        assertThat(forB).contains("partnerFields." + sharedField).doesNotContain("partnerFields." + partnerOnlyField);
    }

    @Test
    void sameValueRecordsNothing() {
        HttpResponse<String> response = setValue(apiA, partnerOnlyField, partnerOnlyValue);

        assertThat(json.readTree(response.body()).get("changed").asBoolean()).isFalse();
        assertThat(ProfilePatchApiTest.history(json.readTree(apiA.get(profilePath()).body()), "partner_field"))
                .filteredOn(entry -> entry.get("partnerFieldId").asLong() == partnerOnlyField)
                .hasSize(1);
    }

    private JsonNode partnerField(JsonNode profile, long fieldId) {
        for (JsonNode field : profile.get("partnerFields")) {
            if (field.get("fieldId").asLong() == fieldId) {
                return field;
            }
        }
        throw new AssertionError("No partner field " + fieldId + " in " + profile.get("partnerFields"));
    }

    private HttpResponse<String> setValue(ApiClient api, long fieldId, String value) {
        return put(api, profilePath() + "/partner-fields/" + fieldId, "{\"value\": \"" + value + "\"}");
    }

    private String profilePath() {
        return "/api/v1/businesses/" + businessId;
    }

    private long define(ApiClient api, long partnerId, String name, String type, String visibility, boolean required) {
        HttpResponse<String> response = post(api, "/api/v1/partner-fields", """
                {"partnerId": %d, "name": "%s", "type": "%s", "visibility": "%s", "required": %s}
                """.formatted(partnerId, name, type, visibility, required));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asLong();
    }

    static String errorOf(JsonMapper json, HttpResponse<String> response, String field) {
        return message(json.readTree(response.body()).get("errors"), field);
    }
}
