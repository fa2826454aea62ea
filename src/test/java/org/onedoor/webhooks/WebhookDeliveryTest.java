package org.onedoor.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onedoor.webhooks.WebhookFixtures.JSON;
import static org.onedoor.webhooks.WebhookFixtures.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.referrals.ReferralEvent;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.onedoor.webhooks.TestReceiver.Received;
import org.onedoor.webhooks.WebhookFixtures.Registered;
import org.onedoor.webhooks.internal.WebhookSignature;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Delivers referral events to a receiver on loopback that fails and recovers, through the outbox and the
 * background sender of the running application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    TestReceiver receiver;
    TestPartner sender;
    TestPartner receiving;
    ApiClient admin;

    @BeforeEach
    void setUp() throws Exception {
        receiver = new TestReceiver();
        sender = DirectoryFixtures.createPartner(jdbc);
        receiving = DirectoryFixtures.createPartner(jdbc);
        admin = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void deliveryArrivesAfterReceiverRecovers() throws Exception {
        Registered webhook = WebhookFixtures.register(admin, receiving.partnerId(), receiver.url(),
                "referral.sent", "referral.status_changed");
        receiver.failNext(2);

        ReferralEvent event = WebhookFixtures.sent(sender.partnerId(), receiving.partnerId());
        WebhookFixtures.publish(transactions, events, event);

        assertThat(await(WAIT, () -> "DELIVERED".equals(deliveries(webhook).get("items").get(0).get("status").asString())))
                .as("delivered within %s", WAIT).isTrue();
        List<Received> requests = receiver.received();
        assertThat(requests).extracting(Received::answeredStatus).containsExactly(500, 500, 200);

        JsonNode payload = JSON.readTree(requests.get(2).body());
        String eventId = payload.get("id").asString();
        assertThat(requests).extracting(Received::idempotencyKey).containsOnly(eventId);
        assertThat(requests).extracting(Received::body).containsOnly(requests.get(0).body());
        for (Received request : requests) {
            String expected = WebhookSignature.sign(webhook.secret(), Long.parseLong(request.timestamp()), request.body());
            assertThat(request.signature()).as("signature of %s", request).isEqualTo(expected);
            assertThat(request.contentType()).isEqualTo("application/json");
            assertThat(request.event()).isEqualTo("referral.sent");
        }
        assertThat(payload.get("type").asString()).isEqualTo("referral.sent");
        assertThat(payload.get("referral").get("id").asLong()).isEqualTo(event.referralId());
        assertThat(payload.get("referral").get("status").asString()).isEqualTo("requested");
        assertThat(payload.get("referral").get("previousStatus").isNull()).isTrue();
        assertThat(payload.get("referral").get("sendingPartnerId").asLong()).isEqualTo(sender.partnerId());
        assertThat(payload.get("referral").get("receivingPartnerId").asLong()).isEqualTo(receiving.partnerId());

        JsonNode delivery = deliveries(webhook).get("items").get(0);
        assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivery.get("eventId").asString()).isEqualTo(eventId);
        JsonNode attempts = delivery.get("attemptLog");
        assertThat(attempts.size()).isEqualTo(3);
        assertThat(attempts.get(0).get("responseStatus").asInt()).isEqualTo(500);
        assertThat(attempts.get(0).get("error").asString()).contains("HTTP status 500");
        assertThat(attempts.get(2).get("responseStatus").asInt()).isEqualTo(200);
        assertThat(attempts.get(2).get("error").isNull()).isTrue();
        assertThat(attempts.get(2).get("durationMs").isNumber()).isTrue();
    }

    @Test
    void statusChangeCarriesPreviousStatus() throws Exception {
        Registered webhook = WebhookFixtures.register(admin, sender.partnerId(), receiver.url(),
                "referral.status_changed");
        ReferralEvent sent = WebhookFixtures.sent(sender.partnerId(), receiving.partnerId());
        WebhookFixtures.publish(transactions, events, sent);
        WebhookFixtures.publish(transactions, events, WebhookFixtures.accepted(sent));

        assertThat(await(WAIT, () -> receiver.received().size() == 1)).isTrue();
        Thread.sleep(500);
        assertThat(receiver.received()).as("no request for the referral.sent event").hasSize(1);
        JsonNode payload = JSON.readTree(receiver.received().get(0).body());
        assertThat(payload.get("type").asString()).as("the webhook does not subscribe to referral.sent")
                .isEqualTo("referral.status_changed");
        assertThat(payload.get("referral").get("status").asString()).isEqualTo("accepted");
        assertThat(payload.get("referral").get("previousStatus").asString()).isEqualTo("received");
        assertThat(deliveries(webhook).get("total").asInt()).isEqualTo(1);
    }

    @Test
    void timeoutIsRetried() throws Exception {
        Registered webhook = WebhookFixtures.register(admin, receiving.partnerId(), receiver.url(), "referral.sent");
        receiver.stallNext(Duration.ofSeconds(3));

        WebhookFixtures.publish(transactions, events, WebhookFixtures.sent(sender.partnerId(), receiving.partnerId()));

        assertThat(await(WAIT, () -> "DELIVERED".equals(deliveries(webhook).get("items").get(0).get("status").asString())))
                .isTrue();
        JsonNode attempts = deliveries(webhook).get("items").get(0).get("attemptLog");
        assertThat(attempts.size()).isEqualTo(2);
        assertThat(attempts.get(0).get("error").asString()).startsWith("Timed out");
        assertThat(attempts.get(0).get("responseStatus").isNull()).isTrue();
        assertThat(attempts.get(1).get("responseStatus").asInt()).isEqualTo(200);
    }

    @Test
    void deliveryFailsAfterMaxAttempts() throws Exception {
        Registered webhook = WebhookFixtures.register(admin, receiving.partnerId(), receiver.url(), "referral.sent");
        receiver.failNext(1000);

        WebhookFixtures.publish(transactions, events, WebhookFixtures.sent(sender.partnerId(), receiving.partnerId()));

        assertThat(await(WAIT, () -> "FAILED".equals(deliveries(webhook).get("items").get(0).get("status").asString())))
                .isTrue();
        // Test settings allow 5 attempts.
        assertThat(deliveries(webhook).get("items").get(0).get("attemptLog").size()).isEqualTo(5);
        Thread.sleep(1500);
        assertThat(receiver.received()).as("no attempt after the last").hasSize(5);
    }

    @Test
    void rolledBackSendLeavesNoDelivery() throws Exception {
        Registered webhook = WebhookFixtures.register(admin, receiving.partnerId(), receiver.url(), "referral.sent");

        transactions.executeWithoutResult(status -> {
            events.publishEvent(WebhookFixtures.sent(sender.partnerId(), receiving.partnerId()));
            assertThat(countDeliveries(webhook)).as("written inside the transaction").isEqualTo(1);
            status.setRollbackOnly();
        });

        assertThat(countDeliveries(webhook)).isZero();
        WebhookFixtures.publish(transactions, events, WebhookFixtures.sent(sender.partnerId(), receiving.partnerId()));
        assertThat(countDeliveries(webhook)).as("a committed send has its delivery").isEqualTo(1);
    }

    @Test
    void inactiveWebhookGetsNoDelivery() throws Exception {
        Registered webhook = WebhookFixtures.register(admin, receiving.partnerId(), receiver.url(), "referral.sent");
        HttpResponse<String> update = admin.putJson("/api/v1/webhooks/" + webhook.id(),
                "{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"referral.sent\"],\"active\":false}");
        assertThat(update.statusCode()).as(update.body()).isEqualTo(200);

        WebhookFixtures.publish(transactions, events, WebhookFixtures.sent(sender.partnerId(), receiving.partnerId()));

        assertThat(countDeliveries(webhook)).isZero();
    }

    @Test
    void expiredLeaseIsSentAgain() throws Exception {
        Registered webhook = WebhookFixtures.register(admin, receiving.partnerId(), receiver.url(), "referral.sent");

        // A sender that claimed the delivery and stopped before it recorded a result leaves this lease behind.
        transactions.executeWithoutResult(status -> {
            events.publishEvent(WebhookFixtures.sent(sender.partnerId(), receiving.partnerId()));
            jdbc.sql("""
                            UPDATE webhook_delivery SET lease_token = gen_random_uuid(), leased_at = now(),
                                                        lease_expires_at = now() + interval '3 seconds'
                            WHERE webhook_id = :webhookId""")
                    .param("webhookId", webhook.id())
                    .update();
        });

        Thread.sleep(1000);
        assertThat(receiver.received()).as("no request while the lease is live").isEmpty();

        assertThat(await(WAIT, () -> receiver.received().size() == 1)).isTrue();
        assertThat(await(WAIT, () -> "DELIVERED".equals(deliveries(webhook).get("items").get(0).get("status").asString())))
                .isTrue();
        JsonNode attempts = deliveries(webhook).get("items").get(0).get("attemptLog");
        assertThat(attempts.size()).isEqualTo(2);
        assertThat(attempts.get(0).get("error").asString()).contains("lease expired");
        assertThat(attempts.get(0).get("durationMs").isNull()).isTrue();
        assertThat(attempts.get(1).get("responseStatus").asInt()).isEqualTo(200);
    }

    @Test
    void resendUsesSameIdempotencyKey() throws Exception {
        Registered webhook = WebhookFixtures.register(admin, receiving.partnerId(), receiver.url(), "referral.sent");
        WebhookFixtures.publish(transactions, events, WebhookFixtures.sent(sender.partnerId(), receiving.partnerId()));
        assertThat(await(WAIT, () -> receiver.received().size() == 1)).isTrue();
        assertThat(await(WAIT, () -> "DELIVERED".equals(deliveries(webhook).get("items").get(0).get("status").asString())))
                .isTrue();
        long deliveryId = deliveries(webhook).get("items").get(0).get("id").asLong();

        HttpResponse<String> resend = admin.post("/api/v1/webhooks/" + webhook.id() + "/deliveries/" + deliveryId
                + "/resend", "application/json", HttpRequest.BodyPublishers.noBody());
        assertThat(resend.statusCode()).as(resend.body()).isEqualTo(202);

        assertThat(await(WAIT, () -> receiver.received().size() == 2)).isTrue();
        assertThat(receiver.received()).extracting(Received::idempotencyKey).doesNotContainNull()
                .containsOnly(receiver.received().get(0).idempotencyKey());
        assertThat(await(WAIT, () -> deliveries(webhook).get("items").get(0).get("attemptLog").size() == 2)).isTrue();
        JsonNode attempts = deliveries(webhook).get("items").get(0).get("attemptLog");
        assertThat(attempts.get(0).get("resentBy").isNull()).isTrue();
        assertThat(attempts.get(1).get("resentBy").asString()).isNotBlank();
        assertThat(attempts.get(1).get("responseStatus").asInt()).isEqualTo(200);
    }

    private JsonNode deliveries(Registered webhook) {
        HttpResponse<String> response = admin.get("/api/v1/webhooks/" + webhook.id() + "/deliveries");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private int countDeliveries(Registered webhook) {
        return jdbc.sql("SELECT count(*) FROM webhook_delivery WHERE webhook_id = :id")
                .param("id", webhook.id()).query(Integer.class).single();
    }
}
