package org.onedoor.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onedoor.demand.DemandFixtures.api;
import static org.onedoor.demand.DemandFixtures.post;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Joins the needs assessment, the contact log and offers: an assessment raises its needs, a new assessment runs the
 * coordination check against other partners' contacts, and done contacts without an offer or a reason are listed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OfferAtEveryDoorTest {

    @LocalServerPort
    int port;

    @Autowired
    BusinessRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    UserAccounts accounts;

    private DemandFixtures.Area area;
    private TestPartner otherPartner;
    private UserAccount staff;
    private UserAccount otherStaff;
    private ApiClient staffApi;
    private ApiClient otherApi;
    private long businessId;

    @BeforeEach
    void setUp() {
        area = DemandFixtures.area(jdbc);
        otherPartner = DemandFixtures.secondPartner(jdbc, area.areaId());
        staff = DemandFixtures.account(accounts, Role.STAFF, area.partner().partnerId());
        otherStaff = DemandFixtures.account(accounts, Role.STAFF, otherPartner.partnerId());
        staffApi = api(port, staff);
        otherApi = api(port, otherStaff);
        businessId = DemandFixtures.business(registry, area.countyFips());
    }

    private String assessments() {
        return "/api/v1/businesses/" + businessId + "/assessments";
    }

    private HttpResponse<String> startAssessment(ApiClient client, String body) {
        return post(client, assessments(), body);
    }

    private long logDoneContact(ApiClient client) {
        HttpResponse<String> response = post(client, "/api/v1/businesses/" + businessId + "/contact-log",
                "{\"kind\": \"VISIT\", \"purpose\": \"INFORMATION\", \"summary\": \"Walked in to ask about hiring\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asLong();
    }

    private void assignAccountManager(UserAccount manager) {
        ApiClient admin = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        HttpResponse<String> response = admin.send(admin.request("/api/v1/businesses/" + businessId
                        + "/account-manager")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"userId\": " + manager.id() + "}"))
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private List<String> needs(String source) {
        return jdbc.sql("""
                        SELECT need_code FROM business_need WHERE business_id = :id AND source = :source
                        ORDER BY need_code""")
                .param("id", businessId)
                .param("source", source)
                .query(String.class)
                .list();
    }

    @Test
    void completedAssessmentRaisesNeeds() {
        HttpResponse<String> started = startAssessment(staffApi, "{\"answers\": {\"hard-to-fill\": \"yes\"}}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        long assessmentId = json.readTree(started.body()).get("assessment").get("id").asLong();

        assertThat(needs("ASSESSMENT")).containsExactly("HIRE");
        assertThat(jdbc.sql("SELECT source_id FROM business_need WHERE business_id = :id")
                .param("id", businessId).query(Long.class).single()).isEqualTo(assessmentId);
        // The area has no hiring service, so the need is logged as unmet.
        assertThat(jdbc.sql("SELECT reason FROM unmet_need WHERE business_id = :id")
                .param("id", businessId).query(String.class).list()).containsExactly("NO_SERVICE");
    }

    @Test
    void assessmentUpdateRaisesAddedNeedsOnly() {
        startAssessment(staffApi, "{\"answers\": {\"hard-to-fill\": \"yes\"}}");

        HttpResponse<String> updated = staffApi.send(staffApi.request(assessments() + "/current")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"answers\": {\"tax-credits\": true}}"))
                .build());

        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(needs("ASSESSMENT")).containsExactly("HIRE", "TAX_CREDITS");
        assertThat(jdbc.sql("SELECT count(*) FROM unmet_need WHERE business_id = :id AND need_code = 'HIRE'")
                .param("id", businessId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void assessmentAfterOtherPartnersContactNeedsReason() {
        logDoneContact(otherApi);
        assignAccountManager(otherStaff);

        HttpResponse<String> stopped = startAssessment(staffApi, "{\"answers\": {}}");

        assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(409);
        JsonNode problem = json.readTree(stopped.body());
        assertThat(problem.get("code").asString()).isEqualTo("RECENT_CONTACTS_BY_OTHER_PARTNERS");
        assertThat(problem.get("recentContacts").size()).isEqualTo(1);
        assertThat(problem.get("recentContacts").get(0).get("partnerName").asString())
                .isEqualTo(otherPartner.partnerName());
        assertThat(problem.get("accountManagerName").asString()).isEqualTo(otherStaff.displayName());
        assertThat(jdbc.sql("SELECT count(*) FROM needs_assessment WHERE business_id = :id")
                .param("id", businessId).query(Long.class).single()).isZero();

        HttpResponse<String> overridden = startAssessment(staffApi,
                "{\"answers\": {}, \"overrideReason\": \"Layoff notice needs a response this week\"}");

        assertThat(overridden.statusCode()).as(overridden.body()).isEqualTo(201);
        assertThat(json.readTree(overridden.body()).get("assessment").get("coordinationOverrideReason").asString())
                .isEqualTo("Layoff notice needs a response this week");
    }

    @Test
    void validAssessmentConflictKeepsItsOwnCode() {
        assertThat(startAssessment(staffApi, "{\"answers\": {}}").statusCode()).isEqualTo(201);
        logDoneContact(staffApi);

        HttpResponse<String> second = startAssessment(otherApi, "{\"answers\": {}, \"overrideReason\": \"Again\"}");

        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        assertThat(json.readTree(second.body()).get("code").asString()).isEqualTo("VALID_ASSESSMENT_EXISTS");
    }

    @Test
    void ownPartnersContactDoesNotStopAssessment() {
        logDoneContact(staffApi);
        assignAccountManager(otherStaff);

        HttpResponse<String> started = startAssessment(staffApi, "{\"answers\": {}}");

        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        assertThat(json.readTree(started.body()).get("assessment").get("coordinationOverrideReason").isNull())
                .isTrue();
    }

    @Test
    void accountManagerNeedsNoReason() {
        logDoneContact(otherApi);
        assignAccountManager(staff);

        assertThat(startAssessment(staffApi, "{\"answers\": {}}").statusCode()).isEqualTo(201);
    }

    private List<Long> withoutOffer(ApiClient client, String query) {
        HttpResponse<String> response = client.get("/api/v1/contacts/without-offer?size=200" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode page = json.readTree(response.body());
        return page.get("items").valueStream().map(item -> item.get("id").asLong()).toList();
    }

    @Test
    void doneContactListedUntilOfferOrReason() {
        long first = logDoneContact(staffApi);
        long second = logDoneContact(staffApi);
        long others = logDoneContact(otherApi);

        assertThat(withoutOffer(staffApi, "")).contains(first, second).doesNotContain(others);

        HttpResponse<String> reason = post(staffApi, "/api/v1/businesses/" + businessId + "/offers",
                "{\"noOfferReason\": \"NO_NEED_IDENTIFIED\", \"contactId\": " + first + "}");
        assertThat(reason.statusCode()).as(reason.body()).isEqualTo(201);

        assertThat(withoutOffer(staffApi, "")).contains(second).doesNotContain(first);
        ApiClient admin = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        assertThat(withoutOffer(admin, "&partnerId=" + otherPartner.partnerId())).containsExactly(others);
        assertThat(admin.get("/api/v1/contacts/without-offer").statusCode()).isEqualTo(400);
        assertThat(staffApi.get("/api/v1/contacts/without-offer?partnerId=" + otherPartner.partnerId())
                .statusCode()).isEqualTo(403);
    }
}
