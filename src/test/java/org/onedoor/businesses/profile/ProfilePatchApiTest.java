package org.onedoor.businesses.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onedoor.businesses.profile.ProfileFixtures.api;
import static org.onedoor.businesses.profile.ProfileFixtures.patch;
import static org.onedoor.businesses.profile.ProfileFixtures.post;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Changes profiles through PATCH /api/v1/businesses/{id} and reads back values, provenance and history. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProfilePatchApiTest {

    @LocalServerPort
    int port;

    @Autowired
    BusinessRegistry registry;

    private final UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    private long partnerId;
    private UserAccount staff;
    private ApiClient api;
    private long businessId;

    @Autowired
    ProfilePatchApiTest(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @BeforeEach
    void setUp() {
        partnerId = ProfileFixtures.partner(jdbc, "Profile test partner " + ProfileFixtures.uniqueWord());
        staff = ProfileFixtures.account(accounts, Role.STAFF, partnerId);
        api = api(port, staff);
        businessId = ProfileFixtures.importedBusiness(registry, ProfileFixtures.uniqueWord());
    }

    @Test
    void patchSetsFieldsWithStaffProvenance() {
        String fein = ProfileFixtures.uniqueFein();

        HttpResponse<String> response = patch(api, path(), """
                {"fein": "%s", "ownershipType": "NONPROFIT", "yearStarted": 1998, "employeeBand": "20-49",
                 "website": "https://example.org"}
                """.formatted(fein.replace("-", "")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode profile = json.readTree(response.body());
        assertThat(profile.get("fein").asString()).isEqualTo(fein);
        assertThat(profile.get("ownershipType").asString()).isEqualTo("NONPROFIT");
        assertThat(profile.get("yearStarted").asInt()).isEqualTo(1998);
        assertThat(profile.get("employeeBand").asString()).isEqualTo("20-49");
        JsonNode provenance = fact(profile, "fein");
        assertThat(provenance.get("value").asString()).isEqualTo(fein);
        assertThat(provenance.get("sourceKind").asString()).isEqualTo("STAFF_ENTRY");
        assertThat(provenance.get("userId").asLong()).isEqualTo(staff.id());
        assertThat(provenance.get("partnerId").asLong()).isEqualTo(partnerId);
        assertThat(provenance.get("sourceText").asString()).isEqualTo("OneDoor API");
        assertThat(provenance.get("collectedAt").isNull()).isFalse();
    }

    @Test
    void importedValuesKeepImportProvenance() {
        JsonNode profile = json.readTree(api.get(path()).body());

        JsonNode naics = fact(profile, "naics_code");
        assertThat(naics.get("value").asString()).isEqualTo("722511");
        assertThat(naics.get("sourceKind").asString()).isEqualTo("IMPORT_ROW");
        assertThat(naics.get("sourceText").asString()).isEqualTo("profile-test.csv line 2");
        assertThat(fact(profile, "establishment.address").get("value").asString()).endsWith(" N Main St, South Bend, IN 46601");
    }

    @Test
    void changeKeepsOldValueInHistory() {
        String first = ProfileFixtures.uniqueFein();
        String second = ProfileFixtures.uniqueFein();
        patch(api, path(), "{\"fein\": \"" + first + "\"}");

        HttpResponse<String> response = patch(api, path(), "{\"fein\": \"" + second + "\"}");

        JsonNode profile = json.readTree(response.body());
        List<JsonNode> feinChanges = history(profile, "fein");
        assertThat(feinChanges).hasSize(2);
        JsonNode change = feinChanges.get(1);
        assertThat(change.get("action").asString()).isEqualTo("CHANGED");
        assertThat(change.get("oldValue").asString()).isEqualTo(first);
        assertThat(change.get("newValue").asString()).isEqualTo(second);
        assertThat(change.get("userId").asLong()).isEqualTo(staff.id());
        assertThat(change.get("partnerId").asLong()).isEqualTo(partnerId);
        assertThat(change.get("sourceKind").asString()).isEqualTo("STAFF_ENTRY");
        assertThat(change.get("changedAt").isNull()).isFalse();
    }

    @Test
    void sameValueRecordsNothing() {
        patch(api, path(), "{\"yearStarted\": 2004, \"naicsCode\": \"722511\"}");
        int historyBefore = json.readTree(api.get(path()).body()).get("history").size();
        int sourcesBefore = json.readTree(api.get(path()).body()).get("sourceRecords").size();

        HttpResponse<String> response = patch(api, path(), "{\"yearStarted\": \"2004\", \"naicsCode\": \"722511\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode profile = json.readTree(response.body());
        assertThat(profile.get("history").size()).isEqualTo(historyBefore);
        assertThat(profile.get("sourceRecords").size()).isEqualTo(sourcesBefore);
    }

    @Test
    void rejectsInvalidValuesNamingEachField() {
        HttpResponse<String> response = patch(api, path(), """
                {"fein": "12-345", "naicsCode": "999999", "yearStarted": 1200, "employeeBand": "3-7",
                 "ownershipType": "COOPERATIVE"}
                """);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = json.readTree(response.body()).get("errors");
        assertThat(message(errors, "fein")).contains("'12-345'").contains("12-3456789");
        assertThat(message(errors, "naicsCode")).contains("'999999'").contains("NAICS 2022");
        assertThat(message(errors, "yearStarted")).contains("1200");
        assertThat(message(errors, "employeeBand")).contains("'3-7'").contains("1000+");
        assertThat(message(errors, "ownershipType")).contains("FOR_PROFIT");
        assertThat(json.readTree(api.get(path()).body()).get("fein").isNull()).isTrue();
    }

    @Test
    void rejectsUnknownTimeZone() {
        long establishmentId = establishmentId();

        HttpResponse<String> response = patch(api, path(),
                "{\"establishments\": {\"" + establishmentId + "\": {\"timeZone\": \"Mars/Olympus_Mons\"}}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(message(json.readTree(response.body()).get("errors"),
                "establishments." + establishmentId + ".timeZone")).contains("Mars/Olympus_Mons").contains("IANA");
    }

    @Test
    void rejectsUnknownKeysByName() {
        long establishmentId = establishmentId();

        HttpResponse<String> response = patch(api, path(), "{\"colour\": \"red\", \"establishments\": {\""
                + establishmentId + "\": {\"floor\": 3}}}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = json.readTree(response.body()).get("errors");
        assertThat(message(errors, "colour")).contains("unknown");
        assertThat(message(errors, "establishments." + establishmentId + ".floor")).contains("unknown");
    }

    @Test
    void feinOfAnotherBusinessIsAConflict() {
        String fein = ProfileFixtures.uniqueFein();
        long other = ProfileFixtures.importedBusiness(registry, ProfileFixtures.uniqueWord());
        patch(api, "/api/v1/businesses/" + other, "{\"fein\": \"" + fein + "\"}");

        HttpResponse<String> response = patch(api, path(), "{\"fein\": \"" + fein + "\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("business " + other);
    }

    @Test
    void unknownBusinessGives404() {
        HttpResponse<String> response = patch(api, "/api/v1/businesses/999999999", "{\"fein\": \"12-3456789\"}");

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void establishmentFieldsAreSetWithProvenance() {
        long establishmentId = establishmentId();

        HttpResponse<String> response = patch(api, path(), "{\"establishments\": {\"" + establishmentId
                + "\": {\"timeZone\": \"America/Indiana/Indianapolis\", \"uiAccountNumber\": \"ab-1234567\","
                + " \"worksiteEmployees\": 37}}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode establishment = json.readTree(response.body()).get("establishments").get(0);
        assertThat(establishment.get("timeZone").asString()).isEqualTo("America/Indiana/Indianapolis");
        assertThat(establishment.get("uiAccountNumber").asString()).isEqualTo("AB-1234567");
        assertThat(establishment.get("worksiteEmployees").asInt()).isEqualTo(37);
        JsonNode zone = fact(json.readTree(response.body()), "establishment.time_zone");
        assertThat(zone.get("establishmentId").asLong()).isEqualTo(establishmentId);
        assertThat(zone.get("sourceKind").asString()).isEqualTo("STAFF_ENTRY");
    }

    @Test
    void contactsAreAddedChangedAndRemoved() {
        HttpResponse<String> added = post(api, path() + "/contact-people", """
                {"name": "Rosa Díaz", "role": "HR manager", "email": "rosa@example.org",
                 "phones": ["(574) 555-0142 x7"], "preferredMethod": "TEXT"}
                """);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode contact = json.readTree(added.body());
        long contactId = contact.get("id").asLong();
        assertThat(contact.get("phonesE164").get(0).asString()).isEqualTo("+15745550142;ext=7");

        HttpResponse<String> changed = patch(api, path(), "{\"contacts\": {\"" + contactId
                + "\": {\"email\": \"rosa.diaz@example.org\"}}}");
        JsonNode profile = json.readTree(changed.body());
        assertThat(profile.get("contacts").get(0).get("email").asString()).isEqualTo("rosa.diaz@example.org");
        assertThat(history(profile, "contact.email")).extracting(entry -> entry.get("action").asString())
                .containsExactly("SET", "CHANGED");

        HttpResponse<String> removed = patch(api, path(), "{\"contacts\": {\"" + contactId + "\": null}}");
        JsonNode after = json.readTree(removed.body());
        assertThat(after.get("contacts").size()).isZero();
        assertThat(history(after, "contact")).extracting(entry -> entry.get("action").asString())
                .containsExactly("ADDED", "REMOVED");
    }

    @Test
    void rejectsContactWithoutNameOrWithBadPhone() {
        HttpResponse<String> response = post(api, path() + "/contact-people", "{\"phones\": [\"12\"], \"preferredMethod\": \"FAX\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = json.readTree(response.body()).get("errors");
        assertThat(message(errors, "name")).contains("missing");
        assertThat(message(errors, "phones")).contains("'12'");
        assertThat(message(errors, "preferredMethod")).contains("'FAX'").contains("IN_PERSON");
    }

    @Test
    void tradeNamesAreReplacedAsAList() {
        patch(api, path(), "{\"tradeNames\": [\"Corner Café\", \"Corner Bakery\"]}");

        HttpResponse<String> response = patch(api, path(), "{\"tradeNames\": [\"Corner Bakery\"]}");

        JsonNode profile = json.readTree(response.body());
        assertThat(profile.get("tradeNames")).extracting(name -> name.get("name").asString())
                .containsExactly("Corner Bakery");
        assertThat(history(profile, "trade_name")).extracting(entry -> entry.get("action").asString())
                .containsExactly("ADDED", "ADDED", "REMOVED");
    }

    @Test
    void missingFactsShrinkAsFactsAreAnswered() {
        long establishmentId = establishmentId();
        List<String> before = missing();
        assertThat(before).contains("fein", "yearStarted", "employeeBand", "contacts",
                "establishments." + establishmentId + ".timeZone");
        assertThat(before).doesNotContain("naicsCode", "establishments." + establishmentId + ".countyFips");

        patch(api, path(), "{\"yearStarted\": 2010, \"establishments\": {\"" + establishmentId
                + "\": {\"timeZone\": \"America/Indiana/Indianapolis\"}}}");

        assertThat(missing()).doesNotContain("yearStarted", "establishments." + establishmentId + ".timeZone")
                .contains("fein");
    }

    private List<String> missing() {
        HttpResponse<String> response = api.get(path() + "/missing-facts");
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> fields = new ArrayList<>();
        json.readTree(response.body()).forEach(fact -> fields.add(fact.get("field").asString()));
        return fields;
    }

    private long establishmentId() {
        return json.readTree(api.get(path()).body()).get("establishments").get(0).get("id").asLong();
    }

    private String path() {
        return "/api/v1/businesses/" + businessId;
    }

    private static JsonNode fact(JsonNode profile, String field) {
        for (JsonNode fact : profile.get("facts")) {
            if (fact.get("field").asString().equals(field)) {
                return fact;
            }
        }
        throw new AssertionError("No provenance for " + field + " in " + profile.get("facts"));
    }

    static List<JsonNode> history(JsonNode profile, String field) {
        List<JsonNode> entries = new ArrayList<>();
        profile.get("history").forEach(entry -> {
            if (entry.get("field").asString().equals(field)) {
                entries.add(entry);
            }
        });
        return entries;
    }

    static String message(JsonNode errors, String field) {
        for (JsonNode error : errors) {
            if (error.get("field").asString().equals(field)) {
                return error.get("message").asString();
            }
        }
        throw new AssertionError("No error for " + field + " in " + errors);
    }
}
