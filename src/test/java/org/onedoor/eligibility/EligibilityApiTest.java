package org.onedoor.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onedoor.eligibility.EligibilityFixtures.api;
import static org.onedoor.eligibility.EligibilityFixtures.patch;
import static org.onedoor.eligibility.EligibilityFixtures.post;
import static org.onedoor.eligibility.EligibilityFixtures.put;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.eligibility.internal.RuleCompiler;
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

/** Saves, reads and evaluates eligibility rules through the API, and lists the services for a business. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EligibilityApiTest {

    @LocalServerPort
    int port;

    @Autowired
    BusinessRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    RuleCompiler compiler;

    @Autowired
    Eligibility eligibility;

    private final UserAccounts accounts;

    private TestPartner partner;
    private ApiClient partnerAdmin;
    private UserAccount staff;
    private ApiClient staffApi;
    private long businessId;

    @Autowired
    EligibilityApiTest(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @BeforeEach
    void setUp() {
        partner = EligibilityFixtures.partner(jdbc);
        partnerAdmin = api(port, EligibilityFixtures.account(accounts, Role.PARTNER_ADMINISTRATOR, partner.partnerId()));
        staff = EligibilityFixtures.account(accounts, Role.STAFF, partner.partnerId());
        staffApi = api(port, staff);
        businessId = EligibilityFixtures.business(registry, "18141");
    }

    private String rulesPath() {
        return "/api/v1/services/" + partner.serviceId() + "/eligibility-rules";
    }

    @Test
    void savedRulesReadBack() {
        HttpResponse<String> saved = put(partnerAdmin, rulesPath(), """
                {"combination": "ANY", "rules": [
                  {"label": "Employer has fewer than 500 employees", "expression": "employee_band_min < 500"},
                  {"fact": "hiring_needs", "operator": "CONTAINS_ANY", "values": ["APPRENTICES", "SEASONAL"]},
                  {"fact": "layoff_announced", "operator": "IS_YES", "negate": true}
                ]}
                """);

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode rules = json.readTree(partnerAdmin.get(rulesPath()).body());
        assertThat(rules.get("combination").asString()).isEqualTo("ANY");
        assertThat(rules.get("rules")).hasSize(3);
        assertThat(rules.get("rules").get(0).get("expression").asString()).isEqualTo("employee_band_min < 500");
        assertThat(rules.get("rules").get(1).get("expression").asString())
                .isEqualTo("hiring_needs.exists(value, value in ['APPRENTICES', 'SEASONAL'])");
        assertThat(rules.get("rules").get(1).get("label").asString())
                .isEqualTo("Hiring needs includes any of Apprentices or Seasonal workers");
        assertThat(rules.get("rules").get(2).get("expression").asString()).isEqualTo("!(layoff_announced)");
        assertThat(rules.get("rules").get(2).get("label").asString()).startsWith("Not: ");
    }

    @Test
    void unknownFactIsRejectedAndNothingSaved() {
        put(partnerAdmin, rulesPath(), """
                {"rules": [{"label": "Hiring", "expression": "size(hiring_needs) > 0"}]}
                """);

        HttpResponse<String> response = put(partnerAdmin, rulesPath(), """
                {"rules": [{"label": "Small", "expression": "employee_band_min < 500"},
                           {"label": "Big payroll", "expression": "annual_payroll > 1000000"}]}
                """);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = errorOf(response, "rules[1].expression");
        assertThat(error.get("message").asString()).contains("unknown fact 'annual_payroll'")
                .contains("hourly_wage_offered").contains("hires_veterans");
        JsonNode rules = json.readTree(partnerAdmin.get(rulesPath()).body());
        assertThat(rules.get("rules")).hasSize(1);
        assertThat(rules.get("rules").get(0).get("label").asString()).isEqualTo("Hiring");
    }

    @Test
    void typeErrorAndBadBuilderValuesAreRejected() {
        HttpResponse<String> response = put(partnerAdmin, rulesPath(), """
                {"rules": [{"label": "Band", "expression": "employee_band > 20"},
                           {"fact": "employee_band_min", "operator": "LESS_THAN", "values": ["many"]},
                           {"fact": "hires_veterans", "operator": "ONE_OF", "values": ["yes"]}]}
                """);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorOf(response, "rules[0].expression").get("message").asString()).contains("employee_band > 20");
        assertThat(errorOf(response, "rules[1].values").get("message").asString()).contains("'many'");
        assertThat(errorOf(response, "rules[2].operator").get("message").asString()).contains("IS_YES");
    }

    @Test
    void onlyAdministratorsOfThePartnerChangeRules() {
        TestPartner other = EligibilityFixtures.partner(jdbc);
        ApiClient otherAdmin = api(port, EligibilityFixtures.account(accounts, Role.PARTNER_ADMINISTRATOR,
                other.partnerId()));
        String body = """
                {"rules": [{"label": "Veterans", "expression": "hires_veterans"}]}
                """;

        assertThat(put(otherAdmin, rulesPath(), body).statusCode()).isEqualTo(403);
        assertThat(put(staffApi, rulesPath(), body).statusCode()).isEqualTo(403);
        assertThat(json.readTree(staffApi.get(rulesPath()).body()).get("rules")).isEmpty();
    }

    @Test
    void answeringMissingFactsSavesThemWithProvenance() {
        EligibilityFixtures.rules(jdbc, partner.serviceId(), "ALL",
                "Employer has announced a layoff", "layoff_announced",
                "Employer pays at least $15 an hour", "hourly_wage_offered >= 15.0");
        String evaluationPath = "/api/v1/businesses/" + businessId + "/services/" + partner.serviceId() + "/eligibility";

        JsonNode before = json.readTree(staffApi.get(evaluationPath).body());
        assertThat(before.get("result").get("status").asString()).isEqualTo("UNKNOWN");
        assertThat(names(before.get("result").get("missingFacts"), "name"))
                .containsExactly("layoff_announced", "hourly_wage_offered");
        assertThat(names(before.get("questions"), "field")).containsExactly("layoffAnnounced", "hourlyWageOffered");

        HttpResponse<String> answered = post(staffApi, evaluationPath + "/answers", """
                {"layoffAnnounced": "yes", "hourlyWageOffered": "16.25"}
                """);

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        JsonNode after = json.readTree(answered.body());
        assertThat(after.get("result").get("status").asString()).isEqualTo("ELIGIBLE");
        assertThat(after.get("changedFields").asInt()).isEqualTo(2);
        assertThat(after.get("questions")).isEmpty();
        var provenance = jdbc.sql("""
                        SELECT value, source_kind, user_id, partner_id FROM business_fact
                        WHERE business_id = :id AND field = 'hourly_wage_offered'""")
                .param("id", businessId)
                .query((rs, row) -> List.of(rs.getString("value"), rs.getString("source_kind"),
                        rs.getLong("user_id"), rs.getLong("partner_id")))
                .single();
        assertThat(provenance).containsExactly("16.25", "STAFF_ENTRY", staff.id(), partner.partnerId());
    }

    @Test
    void answersToQuestionsNotAskedAreRejected() {
        EligibilityFixtures.rules(jdbc, partner.serviceId(), "ALL", "Veterans", "hires_veterans");
        String path = "/api/v1/businesses/" + businessId + "/services/" + partner.serviceId() + "/eligibility/answers";

        HttpResponse<String> response = post(staffApi, path, """
                {"hiresVeterans": true, "website": "https://example.org"}
                """);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorOf(response, "website").get("message").asString()).contains("was not asked");
        assertThat(jdbc.sql("SELECT hires_veterans FROM business WHERE id = :id").param("id", businessId)
                .query(Boolean.class).optional()).isEmpty();
    }

    @Test
    void answerByFactNamePointsToField() {
        EligibilityFixtures.rules(jdbc, partner.serviceId(), "ALL", "Veterans", "hires_veterans");
        String path = "/api/v1/businesses/" + businessId + "/services/" + partner.serviceId() + "/eligibility/answers";

        HttpResponse<String> response = post(staffApi, path, """
                {"hires_veterans": true}
                """);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorOf(response, "hires_veterans").get("message").asString())
                .contains("Send the answer as 'hiresVeterans'");
    }

    @Test
    void servicesListEligibleAndAvailableFirst() {
        long eligibleFull = EligibilityFixtures.service(jdbc, partner, "A eligible full " + partner.suffix(), "training");
        long eligibleStale = EligibilityFixtures.service(jdbc, partner, "B eligible stale " + partner.suffix(), "training");
        long unknown = EligibilityFixtures.service(jdbc, partner, "C unknown " + partner.suffix(), "training");
        long notEligible = EligibilityFixtures.service(jdbc, partner, "D not eligible " + partner.suffix(),
                "rapid-response");
        long eligibleAvailable = EligibilityFixtures.service(jdbc, partner, "E eligible available " + partner.suffix(),
                "workforce-recruitment");
        EligibilityFixtures.capacity(jdbc, eligibleFull, 0, 4, 0);
        EligibilityFixtures.capacity(jdbc, eligibleStale, 3, 4, 30);
        EligibilityFixtures.capacity(jdbc, eligibleAvailable, 3, 10, 1);
        EligibilityFixtures.rules(jdbc, unknown, "ALL", "Willing to hire veterans", "hires_veterans");
        EligibilityFixtures.rules(jdbc, notEligible, "ALL", "Retail employer", "naics_sector == '44-45'");
        EligibilityFixtures.rules(jdbc, eligibleAvailable, "ALL", "Manufacturer", "naics_sector == '31-33'");

        JsonNode body = json.readTree(staffApi.get("/api/v1/businesses/" + businessId + "/services?partner="
                + partner.partnerId()).body());
        JsonNode options = body.get("items");

        assertThat(names(options, "serviceId")).containsExactly(String.valueOf(eligibleAvailable),
                String.valueOf(eligibleStale), String.valueOf(partner.serviceId()), String.valueOf(eligibleFull),
                String.valueOf(unknown), String.valueOf(notEligible));
        assertThat(options.get(0).get("availability").get("text").asString()).isEqualTo("3 of 10 slots available");
        assertThat(options.get(0).get("eligibility").get("matched").get(0).asString()).isEqualTo("Manufacturer");
        assertThat(options.get(1).get("availability").get("status").asString()).isEqualTo("UNKNOWN");
        assertThat(options.get(2).get("availability").get("text").asString()).isEqualTo("Availability unknown");
        assertThat(options.get(2).get("officeTimeZone").asString()).isEqualTo("America/Indiana/Indianapolis");
        assertThat(options.get(3).get("availability").get("status").asString()).isEqualTo("FULL");
        assertThat(options.get(4).get("eligibility").get("missingFacts").get(0).get("name").asString())
                .isEqualTo("hires_veterans");
        assertThat(options.get(5).get("eligibility").get("failed").get(0).asString()).isEqualTo("Retail employer");
        assertThat(body.get("total").asLong()).isEqualTo(6);
        assertThat(body.get("counts").get("eligible").asLong()).isEqualTo(4);
        assertThat(body.get("counts").get("eligibleAndAvailable").asLong()).isEqualTo(1);
        assertThat(body.get("counts").get("unknown").asLong()).isEqualTo(1);
        assertThat(body.get("counts").get("notEligible").asLong()).isEqualTo(1);
    }

    @Test
    void servicesPageInRankOrder() {
        long unknown = EligibilityFixtures.service(jdbc, partner, "A unknown " + partner.suffix(), "training");
        long anyHeld = EligibilityFixtures.service(jdbc, partner, "B any held " + partner.suffix(), "training");
        long allFailed = EligibilityFixtures.service(jdbc, partner, "C all failed " + partner.suffix(), "training");
        EligibilityFixtures.rules(jdbc, unknown, "ALL", "Manufacturer", "naics_sector == '31-33'",
                "Willing to hire veterans", "hires_veterans");
        EligibilityFixtures.rules(jdbc, anyHeld, "ANY", "Willing to hire veterans", "hires_veterans",
                "Manufacturer", "naics_sector == '31-33'");
        EligibilityFixtures.rules(jdbc, allFailed, "ALL", "Willing to hire veterans", "hires_veterans",
                "Retail employer", "naics_sector == '44-45'");
        String base = "/api/v1/businesses/" + businessId + "/services?partner=" + partner.partnerId() + "&size=2";

        JsonNode first = json.readTree(staffApi.get(base).body());
        JsonNode second = json.readTree(staffApi.get(base + "&page=1").body());
        JsonNode pastEnd = json.readTree(staffApi.get(base + "&page=5").body());
        HttpResponse<String> tooLarge = staffApi.get(base.replace("size=2", "size=201"));

        assertThat(names(first.get("items"), "serviceId")).containsExactly(String.valueOf(anyHeld),
                String.valueOf(partner.serviceId()));
        assertThat(names(second.get("items"), "serviceId")).containsExactly(String.valueOf(unknown),
                String.valueOf(allFailed));
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("size").asInt()).isEqualTo(2);
        assertThat(second.get("total").asLong()).isEqualTo(4);
        assertThat(pastEnd.get("items")).isEmpty();
        assertThat(pastEnd.get("total").asLong()).isEqualTo(4);
        assertThat(pastEnd.get("counts").get("unknown").asLong()).isEqualTo(1);
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(tooLarge.body()).contains("201");
    }

    @Test
    void servicesFilterByCategoryNeedAndPartner() {
        EligibilityFixtures.service(jdbc, partner, "Layoff help " + partner.suffix(), "rapid-response");
        String base = "/api/v1/businesses/" + businessId + "/services?partner=" + partner.partnerId();

        JsonNode byCategory = json.readTree(staffApi.get(base + "&category=rapid-response").body());
        JsonNode byNeed = json.readTree(staffApi.get(base + "&need=TRAIN_NEW_HIRES").body());
        HttpResponse<String> badNeed = staffApi.get(base + "&need=NOTHING");

        assertThat(names(byCategory.get("items"), "name")).containsExactly("Layoff help " + partner.suffix());
        assertThat(names(byNeed.get("items"), "name")).containsExactly(partner.serviceName());
        assertThat(badNeed.statusCode()).isEqualTo(400);
        assertThat(badNeed.body()).contains("TRAIN_NEW_HIRES");
    }

    @Test
    void servicesOutsideTheBusinessAreaAreLeftOut() {
        jdbc.sql("INSERT INTO workforce_area_county (area_id, county_fips) VALUES (:areaId, '18039')")
                .param("areaId", partner.areaId())
                .update();
        long inArea = EligibilityFixtures.business(registry, "18039");

        String path = "/services?partner=" + partner.partnerId();
        JsonNode forOutside = json.readTree(staffApi.get("/api/v1/businesses/" + businessId + path).body());
        JsonNode forInside = json.readTree(staffApi.get("/api/v1/businesses/" + inArea + path).body());

        assertThat(forOutside.get("items")).isEmpty();
        assertThat(forOutside.get("total").asLong()).isZero();
        assertThat(names(forInside.get("items"), "serviceId")).containsExactly(String.valueOf(partner.serviceId()));
    }

    @Test
    void profilePlanFactsPatchWithHistory() {
        String path = "/api/v1/businesses/" + businessId;

        HttpResponse<String> response = patch(staffApi, path, """
                {"layoffAnnounced": false, "hiringNeeds": ["apprentices", "ENTRY_LEVEL"], "hourlyWageOffered": 18.5,
                 "hiresPeopleWithDisabilities": "yes", "hiresVeterans": true}
                """);
        HttpResponse<String> invalid = patch(staffApi, path, """
                {"hiringNeeds": ["ASTRONAUTS"], "hourlyWageOffered": "-3"}
                """);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode profile = json.readTree(response.body());
        assertThat(profile.get("hiringNeeds").get(0).asString()).isEqualTo("APPRENTICES");
        assertThat(profile.get("hourlyWageOffered").asDouble()).isEqualTo(18.5);
        assertThat(profile.get("layoffAnnounced").asBoolean()).isFalse();
        assertThat(profile.get("hiresPeopleWithDisabilities").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT new_value FROM business_history WHERE business_id = :id AND field = 'hiring_needs'")
                .param("id", businessId).query(String.class).single()).isEqualTo("APPRENTICES; ENTRY_LEVEL");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("ASTRONAUTS").contains("-3");
    }

    @Test
    void plainFactMapIsEvaluated() {
        EligibilityFixtures.rules(jdbc, partner.serviceId(), "ALL", "Small employer", "employee_band_min < 500",
                "Veterans", "hires_veterans");

        EligibilityResult known = eligibility.evaluateFacts(partner.serviceId(),
                java.util.Map.of("employee_band_min", 20, "hires_veterans", true, "not_a_fact", "ignored"));
        EligibilityResult partial = eligibility.evaluateFacts(partner.serviceId(),
                java.util.Map.of("employee_band_min", 20));

        assertThat(known.status()).isEqualTo(EligibilityResult.Status.ELIGIBLE);
        assertThat(known.matched()).containsExactly("Small employer", "Veterans");
        assertThat(partial.status()).isEqualTo(EligibilityResult.Status.UNKNOWN);
        assertThat(partial.missingFacts()).extracting(EligibilityResult.MissingFact::name).containsExactly("hires_veterans");
    }

    @Test
    void demoRulesCompile() {
        List<String> expressions = jdbc.sql("SELECT expression FROM eligibility_rule").query(String.class).list();

        assertThat(expressions).isNotEmpty();
        expressions.forEach(compiler::check);
    }

    private JsonNode errorOf(HttpResponse<String> response, String field) {
        for (JsonNode error : json.readTree(response.body()).get("errors")) {
            if (error.get("field").asString().equals(field)) {
                return error;
            }
        }
        throw new AssertionError("No error for " + field + " in " + response.body());
    }

    private static List<String> names(JsonNode array, String property) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.get(property).asString()));
        return values;
    }
}
