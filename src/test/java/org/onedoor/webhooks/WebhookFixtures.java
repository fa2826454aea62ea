package org.onedoor.webhooks;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.onedoor.referrals.ReferralEvent;
import org.onedoor.referrals.ReferralStatus;
import org.onedoor.support.ApiClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Registers webhooks through the API and publishes referral events as the referrals module does. */
final class WebhookFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Referral ids far from any real referral's; the outbox does not check that a referral exists. */
    private static final AtomicLong REFERRAL_IDS = new AtomicLong(800_000_000L + System.nanoTime() % 1_000_000);

    private WebhookFixtures() {
    }

    /** A registered webhook with the secret returned when it was created. */
    record Registered(long id, String secret) {
    }

    static Registered register(ApiClient api, long partnerId, String url, String... eventTypes) {
        String body = JSON.writeValueAsString(java.util.Map.of("partnerId", partnerId, "url", url,
                "eventTypes", java.util.List.of(eventTypes)));
        HttpResponse<String> response = api.post("/api/v1/webhooks", "application/json",
                java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Registering a webhook failed: " + response.statusCode() + " " + response.body());
        }
        JsonNode created = JSON.readTree(response.body());
        return new Registered(created.get("id").asLong(), created.get("secret").asString());
    }

    static ReferralEvent sent(long sendingPartnerId, long receivingPartnerId) {
        return new ReferralEvent(REFERRAL_IDS.incrementAndGet(), ReferralEvent.Kind.SENT, ReferralStatus.REQUESTED,
                null, 41, 42, "hiring", sendingPartnerId, receivingPartnerId, 43, 44, 44L, Instant.now());
    }

    static ReferralEvent accepted(ReferralEvent sent) {
        return new ReferralEvent(sent.referralId(), ReferralEvent.Kind.STATUS_CHANGED, ReferralStatus.ACCEPTED,
                ReferralStatus.RECEIVED, sent.businessId(), sent.serviceId(), sent.needCode(), sent.sendingPartnerId(),
                sent.receivingPartnerId(), sent.receivingOfficeId(), sent.senderUserId(), 45L, Instant.now());
    }

    /** Publishes the event in a transaction that commits. */
    static void publish(TransactionTemplate transactions, ApplicationEventPublisher events, ReferralEvent event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    /** Waits up to {@code limit} for the condition and returns whether it became true. */
    static boolean await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
