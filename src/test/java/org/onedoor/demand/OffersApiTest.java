package org.onedoor.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onedoor.demand.DemandFixtures.post;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.demand.DemandFixtures.Area;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Raises needs and records offers, their answers and no-offer reasons through the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OffersApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessRegistry registry;

    @Autowired
    JsonMapper json;

    @Autowired
    Demand demand;

    @Autowired
    UserAccounts accounts;

    private Area area;
    private TestPartner otherPartner;
    private long ownService;
    private long otherService;
    private long businessId;
    private ApiClient staff;

    @BeforeEach
    void setUp() {
        area = DemandFixtures.area(jdbc);
        otherPartner = DemandFixtures.secondPartner(jdbc, area.areaId());
        ownService = DemandFixtures.service(jdbc, area.partner(), "Own recruitment " + DemandFixtures.unique(),
                "workforce-recruitment");
        otherService = DemandFixtures.service(jdbc, otherPartner, "Other recruitment " + DemandFixtures.unique(),
                "workforce-recruitment");
        DemandFixtures.capacity(jdbc, otherService, 3, 5);
        businessId = DemandFixtures.business(registry, area.countyFips());
        staff = DemandFixtures.api(port, DemandFixtures.account(accounts, Role.STAFF, area.partner().partnerId()));
    }

    private String path(String rest) {
        return "/api/v1/businesses/" + businessId + rest;
    }

    private long raiseHire() {
        HttpResponse<String> response = post(staff, path("/needs"), "{\"needs\": [\"HIRE\"], \"source\": \"CONTACT\", "
                + "\"sourceId\": 77}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode need = json.readTree(response.body()).get(0);
        assertThat(need.get("created").asBoolean()).isTrue();
        assertThat(need.get("unmetReason").isNull()).isTrue();
        // The other partner's service has current capacity, so it ranks before the one without figures.
        assertThat(need.get("services").get(0).get("serviceId").asLong()).isEqualTo(otherService);
        assertThat(need.get("services").get(1).get("serviceId").asLong()).isEqualTo(ownService);
        return need.get("needId").asLong();
    }

    private JsonNode needs() {
        HttpResponse<String> response = staff.get(path("/needs"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void acceptedOfferClosesNeed() {
        long needId = raiseHire();

        HttpResponse<String> response = post(staff, path("/offers"), """
                {"needId": %d, "serviceIds": [%d], "answer": "ACCEPTED", "followUp": "REFERRAL", "contactId": 501}
                """.formatted(needId, otherService));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode offer = json.readTree(response.body());
        assertThat(offer.get("kind").asString()).isEqualTo("OFFER");
        assertThat(offer.get("answer").asString()).isEqualTo("ACCEPTED");
        assertThat(offer.get("followUp").asString()).isEqualTo("REFERRAL");
        assertThat(offer.get("contactId").asLong()).isEqualTo(501);
        assertThat(offer.get("partnerId").asLong()).isEqualTo(area.partner().partnerId());
        assertThat(offer.get("services").get(0).get("serviceId").asLong()).isEqualTo(otherService);
        JsonNode need = needs().get(0);
        assertThat(need.get("open").asBoolean()).isFalse();
        assertThat(need.get("source").asString()).isEqualTo("CONTACT");
        assertThat(need.get("sourceId").asLong()).isEqualTo(77);
        assertThat(need.get("offers").size()).isEqualTo(1);
        assertThat(demand.offersAtContact(501).stream().map(Offer::id).toList()).contains(offer.get("id").asLong());
    }

    @Test
    void offerForClosedNeedConflicts() {
        long needId = raiseHire();
        post(staff, path("/offers"), """
                {"needId": %d, "serviceIds": [%d], "answer": "ACCEPTED", "followUp": "OWN_SERVICE"}
                """.formatted(needId, ownService));

        HttpResponse<String> again = post(staff, path("/offers"), """
                {"needId": %d, "serviceIds": [%d], "answer": "DECLINED", "declineReason": "Changed their mind"}
                """.formatted(needId, ownService));

        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).contains("Need " + needId).contains("closed");
    }

    @Test
    void declinedOfferKeepsReason() {
        long needId = raiseHire();

        HttpResponse<String> response = post(staff, path("/offers"), """
                {"needId": %d, "serviceIds": [%d, %d], "answer": "DECLINED", "declineReason": " Hiring freeze "}
                """.formatted(needId, ownService, otherService));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode offer = json.readTree(response.body());
        assertThat(offer.get("answer").asString()).isEqualTo("DECLINED");
        assertThat(offer.get("declineReason").asString()).isEqualTo("Hiring freeze");
        assertThat(offer.get("services").size()).isEqualTo(2);
        assertThat(needs().get(0).get("open").asBoolean()).isFalse();
    }

    @Test
    void declineWithoutReasonIsRejected() {
        long needId = raiseHire();

        HttpResponse<String> response = post(staff, path("/offers"), """
                {"needId": %d, "serviceIds": [%d], "answer": "DECLINED"}
                """.formatted(needId, ownService));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("declineReason").contains("Decline reason is missing");
        assertThat(needs().get(0).get("open").asBoolean()).isTrue();
        assertThat(needs().get(0).get("offers").size()).isZero();
    }

    @Test
    void deferredOfferLeavesNeedOpen() {
        long needId = raiseHire();
        LocalDate later = LocalDate.now(ZoneId.of("America/Indiana/Indianapolis")).plusDays(30);

        HttpResponse<String> response = post(staff, path("/offers"), """
                {"needId": %d, "serviceIds": [%d], "answer": "DEFERRED", "deferredUntil": "%s", "note": "After the audit"}
                """.formatted(needId, ownService, later));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode offer = json.readTree(response.body());
        assertThat(offer.get("deferredUntil").asString()).isEqualTo(later.toString());
        assertThat(offer.get("note").asString()).isEqualTo("After the audit");
        JsonNode need = needs().get(0);
        assertThat(need.get("open").asBoolean()).isTrue();
        assertThat(need.get("offers").get(0).get("answer").asString()).isEqualTo("DEFERRED");
    }

    @Test
    void deferredToPastDateIsRejected() {
        long needId = raiseHire();

        HttpResponse<String> response = post(staff, path("/offers"), """
                {"needId": %d, "serviceIds": [%d], "answer": "DEFERRED", "deferredUntil": "2020-01-31"}
                """.formatted(needId, ownService));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("deferredUntil").contains("2020-01-31");
    }

    @Test
    void invalidValuesAreNamed() {
        long needId = raiseHire();

        HttpResponse<String> response = post(staff, path("/offers"), """
                {"needId": %d, "serviceIds": [999999999], "answer": "MAYBE", "deferredUntil": "next week"}
                """.formatted(needId));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("'MAYBE'").contains("ACCEPTED, DECLINED, DEFERRED")
                .contains("'next week'");
    }

    @Test
    void unknownServiceIsNamed() {
        long needId = raiseHire();

        HttpResponse<String> response = post(staff, path("/offers"), """
                {"needId": %d, "serviceIds": [999999999], "answer": "ACCEPTED", "followUp": "REFERRAL"}
                """.formatted(needId));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Service 999999999 does not exist");
    }

    @Test
    void followUpMustFitServices() {
        long needId = raiseHire();

        HttpResponse<String> response = post(staff, path("/offers"), """
                {"needId": %d, "serviceIds": [%d], "answer": "ACCEPTED", "followUp": "OWN_SERVICE"}
                """.formatted(needId, otherService));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("OWN_SERVICE needs a service of your own partner");
    }

    @Test
    void acceptedOfferNeedsFollowUp() {
        long needId = raiseHire();

        HttpResponse<String> response = post(staff, path("/offers"), """
                {"needId": %d, "serviceIds": [%d], "answer": "ACCEPTED"}
                """.formatted(needId, ownService));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Follow-up is missing");
    }

    @Test
    void needOfAnotherBusinessIsNotFound() {
        long needId = raiseHire();
        long otherBusiness = DemandFixtures.business(registry, area.countyFips());

        HttpResponse<String> response = post(staff, "/api/v1/businesses/" + otherBusiness + "/offers", """
                {"needId": %d, "serviceIds": [%d], "answer": "DECLINED", "declineReason": "No"}
                """.formatted(needId, ownService));

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void noOfferIsRecordedWithReason() {
        HttpResponse<String> response = post(staff, path("/offers"), """
                {"noOfferReason": "INFORMATION_ONLY", "contactId": 602}
                """);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode record = json.readTree(response.body());
        assertThat(record.get("kind").asString()).isEqualTo("NO_OFFER");
        assertThat(record.get("noOfferReason").asString()).isEqualTo("INFORMATION_ONLY");
        assertThat(record.get("answer").isNull()).isTrue();
        assertThat(demand.offersAtContact(602)).extracting(Offer::noOfferReason)
                .contains(NoOfferReason.INFORMATION_ONLY);
        HttpResponse<String> offers = staff.get(path("/offers"));
        assertThat(json.readTree(offers.body()).get(0).get("id").asLong()).isEqualTo(record.get("id").asLong());
    }

    @Test
    void otherReasonNeedsNote() {
        HttpResponse<String> response = post(staff, path("/offers"), "{\"noOfferReason\": \"OTHER\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Note is missing");
    }

    @Test
    void noOfferWithOfferFieldsIsRejected() {
        HttpResponse<String> response = post(staff, path("/offers"),
                "{\"noOfferReason\": \"NO_NEED_IDENTIFIED\", \"answer\": \"ACCEPTED\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("'answer' belongs to an offer");
    }

    @Test
    void unknownNeedTypeIsNamed() {
        HttpResponse<String> response = post(staff, path("/needs"), "{\"needs\": [\"SNOW_REMOVAL\"]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("'SNOW_REMOVAL'");
    }

    @Test
    void needsOfUnknownBusinessAreNotFound() {
        assertThat(staff.get("/api/v1/businesses/999999999/needs").statusCode()).isEqualTo(404);
        assertThat(post(staff, "/api/v1/businesses/999999999/needs", "{\"needs\": [\"HIRE\"]}").statusCode())
                .isEqualTo(404);
        assertThat(post(staff, "/api/v1/businesses/999999999/offers", "{\"noOfferReason\": \"INFORMATION_ONLY\"}")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void openApiListsDemandEndpoints() {
        HttpResponse<String> response = ApiClient.anonymous(port).get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = json.readTree(response.body()).get("paths");
        for (String path : new String[] {"/api/v1/businesses/{id}/needs", "/api/v1/businesses/{id}/offers",
                "/api/v1/reports/demand"}) {
            assertThat(paths.has(path)).as("path %s in the OpenAPI document", path).isTrue();
        }
        assertThat(paths.get("/api/v1/businesses/{id}/offers").has("post")).isTrue();
        assertThat(paths.get("/api/v1/businesses/{id}/offers").has("get")).isTrue();
    }

    @Test
    void signedOutCallerIsRejected() {
        assertThat(ApiClient.anonymous(port).get("/api/v1/reports/demand").statusCode()).isEqualTo(401);
        assertThat(ApiClient.anonymous(port).get(path("/offers")).statusCode()).isEqualTo(401);
    }

    @Test
    void unknownPartnerIsNotFound() {
        ApiClient admin = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);

        HttpResponse<String> response = post(admin, path("/offers"),
                "{\"noOfferReason\": \"INFORMATION_ONLY\", \"partnerId\": 999999999}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Partner 999999999 was not found");
    }
}
