package org.onedoor.webhooks.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event queued for one webhook, with every attempt to send it.
 *
 * @param eventId           the event's id, sent as the {@code Idempotency-Key} header on every attempt
 * @param status            PENDING, DELIVERED or FAILED (no further automatic attempts)
 * @param failures          failed attempts since the delivery was created or last resent
 * @param nextAttemptAt     when a PENDING delivery is due
 * @param sending           whether a sender holds a live lease on it right now
 * @param resendRequestedBy who asked for a resend that has not been attempted yet
 */
public record Delivery(long id, long webhookId, UUID eventId, String eventType, long referralId, String payload,
                       String status, int attempts, int failures, Instant nextAttemptAt, Instant createdAt,
                       Instant deliveredAt, String lastError, boolean sending, String resendRequestedBy,
                       List<DeliveryAttempt> attemptLog) {

    /**
     * One attempt to send a delivery.
     *
     * @param durationMs     {@code null} when the sender stopped before it recorded a result
     * @param responseStatus the receiver's HTTP status, {@code null} when no response arrived
     * @param error          why the attempt failed, {@code null} for a 2xx response
     * @param resentBy       who asked for this attempt as a resend, {@code null} for automatic attempts
     */
    public record DeliveryAttempt(int attemptNumber, Instant startedAt, Long durationMs, Integer responseStatus,
                                  String error, String resentBy) {
    }

    Delivery withAttemptLog(List<DeliveryAttempt> log) {
        return new Delivery(id, webhookId, eventId, eventType, referralId, payload, status, attempts, failures,
                nextAttemptAt, createdAt, deliveredAt, lastError, sending, resendRequestedBy, log);
    }
}
