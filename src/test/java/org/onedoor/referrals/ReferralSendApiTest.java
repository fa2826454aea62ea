package org.onedoor.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.referrals.ReferralFixtures.Pair;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends referrals over HTTP against the embedded database: the 201, each 409 code in the order of the checks, the
 * hand-off, and that a rejected send writes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReferralSendApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessRegistry registry;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JsonMapper json;

    @Autowired
    EventLog events;

    Pair pair;
    long businessId;
    long serviceId;
    long officeId;
    ApiClient sender;
    UserAccount senderAccount;

    /** Collects the referral events published in the server, which run on request threads. */
    @TestConfiguration
    static class EventLogConfiguration {
        @Bean
        EventLog eventLog() {
            return new EventLog();
        }
    }

    static class EventLog {
        final List<ReferralEvent> received = java.util.Collections.synchronizedList(new ArrayList<>());

        @EventListener
        void on(ReferralEvent event) {
            received.add(event);
        }

        List<ReferralEvent> of(long referralId) {
            synchronized (received) {
                return received.stream().filter(event -> event.referralId() == referralId).toList();
            }
        }
    }

    @BeforeEach
    void setUp() {
        pair = ReferralFixtures.pair(jdbc);
        serviceId = pair.receiver().serviceId();
        officeId = pair.receiver().officeId();
        ReferralFixtures.capacity(jdbc, serviceId, 2, 5, 0);
        businessId = ReferralFixtures.business(registry, jdbc);
        senderAccount = ReferralFixtures.account(accounts, Role.STAFF, pair.senderPartnerId());
        sender = ReferralFixtures.api(port, senderAccount);
    }

    @Test
    void sendReturnsCreatedAndHoldsUnit() {
        HttpResponse<String> response = ReferralFixtures.post(sender, "/api/v1/referrals",
                ReferralFixtures.complete(businessId, serviceId, officeId));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        long id = body.get("id").asLong();
        assertThat(response.headers().firstValue("Location")).contains("/api/v1/referrals/" + id);
        assertThat(body.get("status").asString()).isEqualTo("requested");
        assertThat(body.get("capacityState").asString()).isEqualTo("HELD");
        assertThat(body.get("contactName").asString()).isEqualTo("Dana Example");
        assertThat(body.get("contactMethod").asString()).isEqualTo("EMAIL");
        assertThat(body.get("contactDetail").asString()).isEqualTo("dana@example.com");
        assertThat(body.get("history").size()).isEqualTo(1);
        assertThat(body.get("allowedNext").toString()).contains("received", "accepted", "rejected", "cancelled");
        assertThat(capacity()).containsExactly(1, 1, 0);
        assertThat(ReferralInvariants.violations(jdbc, serviceId)).isEmpty();
        assertThat(events.of(id)).extracting(ReferralEvent::kind).containsExactly(ReferralEvent.Kind.SENT);
        assertThat(events.of(id).get(0).senderUserId()).isEqualTo(senderAccount.id());
    }

    @Test
    void receivingStaffIsNotified() {
        UserAccount receiver = ReferralFixtures.account(accounts, Role.STAFF, pair.receiver().partnerId());

        long id = sendComplete();

        long notified = jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :user AND link = :link")
                .param("user", receiver.id())
                .param("link", "/referrals/" + id)
                .query(Long.class).single();
        assertThat(notified).isEqualTo(1);
    }

    @Test
    void incompleteListsEveryMissingElement() {
        jdbc.sql("DELETE FROM business_contact WHERE business_id = :id").param("id", businessId).update();

        HttpResponse<String> response = ReferralFixtures.post(sender, "/api/v1/referrals",
                "{\"businessId\": %d, \"serviceId\": %d}".formatted(businessId, serviceId));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("code").asString()).isEqualTo("incomplete");
        List<String> elements = new ArrayList<>();
        body.get("missing").forEach(entry -> elements.add(entry.get("element").asString()));
        assertThat(elements).containsExactly("need", "contact", "consent", "namedReceiver", "handOffNote",
                "firstContactDate");
        assertThat(body.get("missing").get(1).get("fields").toString()).contains("contactId", "contactMethod");
        assertNothingWritten();
    }

    @Test
    void profileContactCountsAsAnswered() {
        String request = """
                {"businessId": %d, "serviceId": %d, "needCode": "TRAIN_NEW_HIRES", "consentGiven": true,
                 "receivingOfficeId": %d, "handOffNote": "Call Dana."}""".formatted(businessId, serviceId, officeId);

        HttpResponse<String> response = ReferralFixtures.post(sender, "/api/v1/referrals", request);

        JsonNode body = json.readTree(response.body());
        assertThat(body.get("code").asString()).isEqualTo("incomplete");
        assertThat(body.get("missing").size()).isEqualTo(1);
        assertThat(body.get("missing").get(0).get("element").asString()).isEqualTo("firstContactDate");
    }

    @Test
    void areaStandardDecidesRequiredElements() {
        ApiClient admin = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        String path = "/api/v1/areas/" + pair.receiver().areaId() + "/referral-standard";
        assertThat(json.readTree(admin.get(path).body()).get("handOffNote").asBoolean()).isTrue();

        HttpResponse<String> put = admin.putJson(path, """
                {"need": false, "contact": true, "consent": true, "namedReceiver": false, "handOffNote": false,
                 "firstContactDate": false}""");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        HttpResponse<String> response = ReferralFixtures.post(sender, "/api/v1/referrals",
                "{\"businessId\": %d, \"serviceId\": %d, \"consentGiven\": true}".formatted(businessId, serviceId));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("needCode").asString()).isEqualTo("TRAIN_NEW_HIRES");
        assertThat(body.get("receivingOfficeId").asLong()).isEqualTo(officeId);
    }

    @Test
    void standardIsSetOnlyByAdministrators() {
        UserAccount partnerAdmin = ReferralFixtures.account(accounts, Role.PARTNER_ADMINISTRATOR,
                pair.receiver().partnerId());
        String path = "/api/v1/areas/" + pair.receiver().areaId() + "/referral-standard";

        HttpResponse<String> response = ReferralFixtures.api(port, partnerAdmin).putJson(path, """
                {"need": false, "contact": false, "consent": false, "namedReceiver": false, "handOffNote": false,
                 "firstContactDate": false}""");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).as("the reason the referrals module gave")
                .contains("Only installation administrators set the quality referral standard.");

        HttpResponse<String> missing = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD)
                .putJson(path, "{\"need\": false}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("firstContactDate");
    }

    @Test
    void invalidValueGetsBadRequest() {
        String request = ReferralFixtures.complete(businessId, serviceId, officeId)
                .replace("TRAIN_NEW_HIRES", "LAYOFF");

        HttpResponse<String> response = ReferralFixtures.post(sender, "/api/v1/referrals", request);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("needCode", "LAYOFF");
        assertNothingWritten();
    }

    @Test
    void notEligibleListsFailedRules() {
        ReferralFixtures.rules(jdbc, serviceId, "Health care employers only", "naics_sector == \"62\"");

        HttpResponse<String> response = ReferralFixtures.post(sender, "/api/v1/referrals",
                ReferralFixtures.complete(businessId, serviceId, officeId));

        assertThat(response.statusCode()).isEqualTo(409);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("code").asString()).isEqualTo("not_eligible");
        assertThat(body.get("failedRules").get(0).asString()).isEqualTo("Health care employers only");
        assertNothingWritten();
    }

    @Test
    void unknownEligibilityListsMissingFacts() {
        ReferralFixtures.rules(jdbc, serviceId, "Employer has announced a layoff", "layoff_announced");

        HttpResponse<String> response = ReferralFixtures.post(sender, "/api/v1/referrals",
                ReferralFixtures.complete(businessId, serviceId, officeId));

        assertThat(response.statusCode()).isEqualTo(409);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("code").asString()).isEqualTo("missing_facts");
        assertThat(body.get("missingFacts").get(0).get("name").asString()).isEqualTo("layoff_announced");
        assertNothingWritten();
    }

    @Test
    void noCapacityWhenFull() {
        ReferralFixtures.capacity(jdbc, serviceId, 0, 5, 0);

        HttpResponse<String> response = ReferralFixtures.post(sender, "/api/v1/referrals",
                ReferralFixtures.complete(businessId, serviceId, officeId));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json.readTree(response.body()).get("code").asString()).isEqualTo("no_capacity");
        assertNothingWritten();
    }

    @Test
    void capacityStaleWhenFiguresOld() {
        ReferralFixtures.capacity(jdbc, serviceId, 2, 5, 8);

        HttpResponse<String> response = ReferralFixtures.post(sender, "/api/v1/referrals",
                ReferralFixtures.complete(businessId, serviceId, officeId));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json.readTree(response.body()).get("code").asString()).isEqualTo("capacity_stale");
        assertThat(capacity()).containsExactly(2, 0, 0);
        assertNothingWritten();
    }

    @Test
    void capacityStaleWhenNoFigures() {
        jdbc.sql("DELETE FROM service_capacity WHERE service_id = :id").param("id", serviceId).update();

        HttpResponse<String> response = ReferralFixtures.post(sender, "/api/v1/referrals",
                ReferralFixtures.complete(businessId, serviceId, officeId));

        assertThat(response.statusCode()).isEqualTo(409);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("code").asString()).isEqualTo("capacity_stale");
        assertThat(body.get("detail").asString()).contains("no capacity figures");
    }

    @Test
    void conflictNamesActiveReferral() {
        long otherPartner = otherReceivingPartner();
        long otherService = ReferralFixtures.service(jdbc, otherPartner, "training", 3, 3);
        long first = sendComplete();

        HttpResponse<String> response = ReferralFixtures.post(sender, "/api/v1/referrals",
                ReferralFixtures.complete(businessId, otherService, officeOf(otherPartner)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("code").asString()).isEqualTo("conflict");
        assertThat(body.get("activeReferral").get("id").asLong()).isEqualTo(first);
        assertThat(body.get("activeReferral").get("partnerName").asString()).isEqualTo(pair.receiver().partnerName());
        assertThat(body.get("detail").asString()).contains("referral " + first);
        assertThat(referralCount()).isEqualTo(1);
    }

    @Test
    void handOffClosesActiveReferral() {
        long otherPartner = otherReceivingPartner();
        long otherService = ReferralFixtures.service(jdbc, otherPartner, "training", 3, 3);
        long first = sendComplete();
        String request = ReferralFixtures.complete(businessId, otherService, officeOf(otherPartner))
                .replace("}", ", \"handOffFromReferralId\": " + first + "}");

        HttpResponse<String> response = ReferralFixtures.post(sender, "/api/v1/referrals", request);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("handedOffFromId").asLong()).isEqualTo(first);
        JsonNode closed = json.readTree(sender.get("/api/v1/referrals/" + first).body());
        assertThat(closed.get("status").asString()).isEqualTo("cancelled");
        assertThat(closed.get("reasonCode").asString()).isEqualTo("handed_off");
        assertThat(closed.get("capacityState").asString()).isEqualTo("RELEASED");
        assertThat(capacity()).containsExactly(2, 0, 0);
        assertThat(ReferralInvariants.violations(jdbc, null)).isEmpty();
    }

    @Test
    void failedHandOffLeavesActiveReferralOpen() {
        long otherPartner = otherReceivingPartner();
        long otherService = ReferralFixtures.service(jdbc, otherPartner, "training", 0, 3);
        long first = sendComplete();
        String request = ReferralFixtures.complete(businessId, otherService, officeOf(otherPartner))
                .replace("}", ", \"handOffFromReferralId\": " + first + "}");

        HttpResponse<String> response = ReferralFixtures.post(sender, "/api/v1/referrals", request);

        assertThat(json.readTree(response.body()).get("code").asString()).isEqualTo("no_capacity");
        JsonNode still = json.readTree(sender.get("/api/v1/referrals/" + first).body());
        assertThat(still.get("status").asString()).isEqualTo("requested");
        assertThat(still.get("history").size()).isEqualTo(1);
        assertThat(capacity()).containsExactly(1, 1, 0);
        // The cancellation's event was published in the rolled-back transaction, so its notice rolled back too.
        long notices = jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :user AND link = :link")
                .param("user", senderAccount.id())
                .param("link", "/referrals/" + first)
                .query(Long.class).single();
        assertThat(notices).isZero();
    }

    @Test
    void samePartnerAgainIsNoConflict() {
        sendComplete();

        HttpResponse<String> response = ReferralFixtures.post(sender, "/api/v1/referrals",
                ReferralFixtures.complete(businessId, serviceId, officeId));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(capacity()).containsExactly(0, 2, 0);
    }

    @Test
    void waitingListStoresEntryForReceiver() {
        ReferralFixtures.capacity(jdbc, serviceId, 0, 5, 0);
        UserAccount receiver = ReferralFixtures.account(accounts, Role.STAFF, pair.receiver().partnerId());

        HttpResponse<String> added = ReferralFixtures.post(sender, "/api/v1/referrals/waiting-list",
                "{\"businessId\": %d, \"serviceId\": %d, \"note\": \"Needs the spring cohort.\"}"
                        .formatted(businessId, serviceId));
        HttpResponse<String> again = ReferralFixtures.post(sender, "/api/v1/referrals/waiting-list",
                "{\"businessId\": %d, \"serviceId\": %d}".formatted(businessId, serviceId));

        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(409);
        JsonNode list = json.readTree(ReferralFixtures.api(port, receiver).get("/api/v1/referrals/waiting-list").body());
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("note").asString()).isEqualTo("Needs the spring cohort.");
    }

    private long sendComplete() {
        HttpResponse<String> response = ReferralFixtures.post(sender, "/api/v1/referrals",
                ReferralFixtures.complete(businessId, serviceId, officeId));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asLong();
    }

    private long otherReceivingPartner() {
        long partner = ReferralFixtures.partnerInArea(jdbc, pair.receiver().areaId(), "Other receiver");
        ReferralFixtures.program(jdbc, partner);
        return partner;
    }

    private long officeOf(long partnerId) {
        return jdbc.sql("SELECT id FROM office WHERE partner_id = :partner ORDER BY id LIMIT 1")
                .param("partner", partnerId).query(Long.class).single();
    }

    /** Returns available, held and used units of the test service. */
    private List<Integer> capacity() {
        return jdbc.sql("SELECT available_units, held_units, used_units FROM service_capacity WHERE service_id = :id")
                .param("id", serviceId)
                .query((rs, row) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
                .single();
    }

    private long referralCount() {
        return jdbc.sql("SELECT count(*) FROM referral WHERE business_id = :id")
                .param("id", businessId).query(Long.class).single();
    }

    private void assertNothingWritten() {
        assertThat(referralCount()).isZero();
        long history = jdbc.sql("""
                        SELECT count(*) FROM referral_status_change h JOIN referral r ON r.id = h.referral_id
                        WHERE r.business_id = :id""")
                .param("id", businessId).query(Long.class).single();
        assertThat(history).isZero();
        assertThat(ReferralInvariants.violations(jdbc, serviceId)).isEmpty();
    }
}
