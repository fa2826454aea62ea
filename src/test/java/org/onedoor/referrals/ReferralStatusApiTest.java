package org.onedoor.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.referrals.ReferralFixtures.Pair;
import org.onedoor.referrals.internal.ReferralExpiry;
import org.onedoor.support.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changes referral statuses over HTTP: the transition table, reasons and outcome, who may change what, the capacity
 * unit moving exactly once under repeated and concurrent requests, expiry, first contact, and the lists.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReferralStatusApiTest {

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
    ReferralExpiry expiry;

    Pair pair;
    long businessId;
    long serviceId;
    ApiClient sender;
    ApiClient receiver;
    UserAccount senderAccount;

    @BeforeEach
    void setUp() {
        pair = ReferralFixtures.pair(jdbc);
        serviceId = pair.receiver().serviceId();
        ReferralFixtures.capacity(jdbc, serviceId, 3, 5, 0);
        businessId = ReferralFixtures.business(registry, jdbc);
        senderAccount = ReferralFixtures.account(accounts, Role.STAFF, pair.senderPartnerId());
        sender = ReferralFixtures.api(port, senderAccount);
        receiver = ReferralFixtures.api(port, ReferralFixtures.account(accounts, Role.STAFF,
                pair.receiver().partnerId()));
    }

    @Test
    void acceptMovesHeldToUsed() {
        long id = send();

        JsonNode accepted = change(receiver, id, "{\"status\": \"accepted\"}", 200);

        assertThat(accepted.get("capacityState").asString()).isEqualTo("USED");
        assertThat(capacity()).containsExactly(2, 0, 1);
        assertThat(ReferralInvariants.violations(jdbc, serviceId)).isEmpty();
    }

    @Test
    void invalidTransitionListsAllowedNext() {
        long id = send();

        HttpResponse<String> response = post(receiver, id, "{\"status\": \"completed\", \"outcome\": \"Done\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("code").asString()).isEqualTo("invalid_transition");
        assertThat(body.get("status").asInt()).as("the HTTP status, not the referral's").isEqualTo(409);
        assertThat(body.get("currentStatus").asString()).isEqualTo("requested");
        List<String> allowed = new ArrayList<>();
        body.get("allowedNext").forEach(node -> allowed.add(node.asString()));
        assertThat(allowed).containsExactlyInAnyOrder("received", "accepted", "rejected", "cancelled");
    }

    @Test
    void receiptNeverClosesReferral() {
        long id = send();

        JsonNode received = change(receiver, id, "{\"status\": \"received\"}", 200);

        assertThat(received.get("status").asString()).isEqualTo("received");
        assertThat(received.get("closedAt").isNull()).isTrue();
        assertThat(received.get("capacityState").asString()).isEqualTo("HELD");
    }

    @Test
    void rejectRequiresReasonCodeAndText() {
        long id = send();

        HttpResponse<String> noReason = post(receiver, id, "{\"status\": \"rejected\"}");
        HttpResponse<String> unknownReason = post(receiver, id,
                "{\"status\": \"rejected\", \"reasonCode\": \"bored\", \"reasonText\": \"No.\"}");

        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("reasonCode", "reasonText");
        HttpResponse<String> noStatus = post(receiver, id, "{}");
        assertThat(noStatus.statusCode()).isEqualTo(400);
        assertThat(noStatus.body()).contains("status is missing");
        assertThat(unknownReason.statusCode()).isEqualTo(400);
        assertThat(unknownReason.body()).contains("bored", "outside_service_area");
        assertThat(capacity()).containsExactly(2, 1, 0);
    }

    @Test
    void completeRequiresOutcomeAndKeepsUnitUsed() {
        long id = send();
        change(receiver, id, "{\"status\": \"accepted\"}", 200);
        change(receiver, id, "{\"status\": \"in-progress\"}", 200);

        HttpResponse<String> noOutcome = post(receiver, id, "{\"status\": \"completed\"}");
        JsonNode completed = change(receiver, id,
                "{\"status\": \"completed\", \"outcome\": \"Four new hires certified.\"}", 200);

        assertThat(noOutcome.statusCode()).isEqualTo(400);
        assertThat(noOutcome.body()).contains("outcome");
        assertThat(completed.get("outcome").asString()).isEqualTo("Four new hires certified.");
        assertThat(completed.get("capacityState").asString()).isEqualTo("USED");
        assertThat(capacity()).containsExactly(2, 0, 1);
        assertThat(completed.get("history").size()).isEqualTo(4);
    }

    @Test
    void onlyEachSideMakesItsChanges() {
        long id = send();
        ApiClient stranger = ReferralFixtures.api(port, ReferralFixtures.account(accounts, Role.STAFF,
                ReferralFixtures.partnerInArea(jdbc, pair.receiver().areaId(), "Third partner")));

        assertThat(post(sender, id, "{\"status\": \"accepted\"}").statusCode()).isEqualTo(403);
        assertThat(post(receiver, id, "{\"status\": \"cancelled\", \"reasonCode\": \"other\", \"reasonText\": \"x\"}")
                .statusCode()).isEqualTo(403);
        assertThat(post(stranger, id, "{\"status\": \"received\"}").statusCode()).isEqualTo(403);
        assertThat(capacity()).containsExactly(2, 1, 0);
    }

    @Test
    void repeatedCancelReleasesOnce() {
        long id = send();
        String cancel = "{\"status\": \"cancelled\", \"reasonCode\": \"sent_in_error\", \"reasonText\": \"Wrong business.\"}";

        change(sender, id, cancel, 200);
        HttpResponse<String> again = post(sender, id, cancel);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json.readTree(again.body()).get("allowedNext").size()).isZero();
        assertThat(capacity()).containsExactly(3, 0, 0);
        assertThat(ReferralInvariants.violations(jdbc, serviceId)).isEmpty();
    }

    @Test
    void concurrentCancelReleasesOnce() throws Exception {
        long id = send();
        change(receiver, id, "{\"status\": \"accepted\"}", 200);
        String cancel = "{\"status\": \"cancelled\", \"reasonCode\": \"business_withdrew\", \"reasonText\": \"Closed.\"}";
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return post(sender, id, cancel).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(30, TimeUnit.SECONDS));
            }

            assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
            assertThat(statuses).filteredOn(status -> status == 409).hasSize(threads - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(capacity()).containsExactly(3, 0, 0);
        assertThat(ReferralInvariants.violations(jdbc, serviceId)).isEmpty();
        long cancellations = jdbc.sql("""
                        SELECT count(*) FROM referral_status_change WHERE referral_id = :id AND to_status = 'CANCELLED'""")
                .param("id", id).query(Long.class).single();
        assertThat(cancellations).isEqualTo(1);
    }

    @Test
    void failAfterStartReleasesUsedUnit() {
        long id = send();
        change(receiver, id, "{\"status\": \"accepted\"}", 200);
        change(receiver, id, "{\"status\": \"in-progress\"}", 200);
        change(receiver, id, "{\"status\": \"on-hold\"}", 200);

        JsonNode failed = change(receiver, id,
                "{\"status\": \"failed\", \"reasonCode\": \"business_unreachable\", \"reasonText\": \"No answer.\"}", 200);

        assertThat(failed.get("capacityState").asString()).isEqualTo("RELEASED");
        assertThat(capacity()).containsExactly(3, 0, 0);
    }

    @Test
    void expiryFailsUnansweredOnce() {
        long old = send();
        long fresh = send();
        long accepted = send();
        change(receiver, accepted, "{\"status\": \"accepted\"}", 200);
        jdbc.sql("UPDATE referral SET sent_at = now() - interval '31 days' WHERE id IN (:ids)")
                .param("ids", List.of(old, accepted)).update();

        int first = expiry.expireOverdue();
        int second = expiry.expireOverdue();

        assertThat(first).isGreaterThanOrEqualTo(1);
        assertThat(second).isZero();
        JsonNode expired = json.readTree(sender.get("/api/v1/referrals/" + old).body());
        assertThat(expired.get("status").asString()).isEqualTo("failed");
        assertThat(expired.get("reasonCode").asString()).isEqualTo("expired");
        assertThat(expired.get("history").get(1).get("changedBy").isNull()).isTrue();
        assertThat(json.readTree(sender.get("/api/v1/referrals/" + fresh).body()).get("status").asString())
                .isEqualTo("requested");
        assertThat(json.readTree(sender.get("/api/v1/referrals/" + accepted).body()).get("status").asString())
                .isEqualTo("accepted");
        assertThat(capacity()).containsExactly(1, 1, 1);
        assertThat(ReferralInvariants.violations(jdbc, serviceId)).isEmpty();
    }

    @Test
    void firstContactIsRecordedOnce() {
        long id = send();
        change(receiver, id, "{\"status\": \"accepted\"}", 200);

        HttpResponse<String> bySender = ReferralFixtures.post(sender, "/api/v1/referrals/" + id + "/first-contact", "{}");
        HttpResponse<String> first = ReferralFixtures.post(receiver, "/api/v1/referrals/" + id + "/first-contact",
                "{\"note\": \"Called Dana.\"}");
        HttpResponse<String> second = ReferralFixtures.post(receiver, "/api/v1/referrals/" + id + "/first-contact",
                "{}");

        assertThat(bySender.statusCode()).isEqualTo(403);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json.readTree(first.body()).get("firstContactAt").isNull()).isFalse();
        assertThat(second.statusCode()).isEqualTo(409);
        long notices = jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :user AND link = :link")
                .param("user", senderAccount.id())
                .param("link", "/referrals/" + id)
                .query(Long.class).single();
        assertThat(notices).isEqualTo(2);
    }

    @Test
    void listsKeepOpenReferralsUntilClosed() {
        long open = send();
        long closed = send();
        change(sender, closed, "{\"status\": \"cancelled\", \"reasonCode\": \"sent_in_error\", \"reasonText\": \"x\"}",
                200);
        change(receiver, open, "{\"status\": \"accepted\"}", 200);

        assertThat(ids(receiver.get("/api/v1/referrals/inbox"))).contains(open).doesNotContain(closed);
        assertThat(ids(sender.get("/api/v1/referrals/sent"))).contains(open).doesNotContain(closed);
        JsonNode search = json.readTree(sender.get("/api/v1/referrals?q=" + pair.receiver().suffix()
                + "&status=cancelled").body());
        assertThat(search.get("total").asLong()).isEqualTo(1);
        assertThat(search.get("items").get(0).get("id").asLong()).isEqualTo(closed);
        assertThat(sender.get("/api/v1/referrals?status=nonsense").statusCode()).isEqualTo(400);
    }

    @Test
    void otherPartnersSeeOnlyExistenceAndStatus() {
        long id = send();
        ApiClient stranger = ReferralFixtures.api(port, ReferralFixtures.account(accounts, Role.STAFF,
                ReferralFixtures.partnerInArea(jdbc, pair.receiver().areaId(), "Third partner")));

        JsonNode seen = json.readTree(stranger.get("/api/v1/referrals/" + id).body());

        assertThat(seen.get("status").asString()).isEqualTo("requested");
        assertThat(seen.get("detailsVisible").asBoolean()).isFalse();
        assertThat(seen.get("handOffNote").isNull()).isTrue();
        assertThat(seen.get("contactDetail").isNull()).isTrue();
        JsonNode full = json.readTree(receiver.get("/api/v1/referrals/" + id).body());
        assertThat(full.get("handOffNote").asString()).isEqualTo("Dana expects your call.");
    }

    private long send() {
        HttpResponse<String> response = ReferralFixtures.post(sender, "/api/v1/referrals",
                ReferralFixtures.complete(businessId, serviceId, pair.receiver().officeId()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asLong();
    }

    private HttpResponse<String> post(ApiClient client, long id, String body) {
        return ReferralFixtures.post(client, "/api/v1/referrals/" + id + "/status", body);
    }

    private JsonNode change(ApiClient client, long id, String body, int expectedStatus) {
        HttpResponse<String> response = post(client, id, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return json.readTree(response.body());
    }

    private List<Long> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        json.readTree(response.body()).forEach(node -> ids.add(node.get("id").asLong()));
        return ids;
    }

    private List<Integer> capacity() {
        return jdbc.sql("SELECT available_units, held_units, used_units FROM service_capacity WHERE service_id = :id")
                .param("id", serviceId)
                .query((rs, row) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
                .single();
    }

}
