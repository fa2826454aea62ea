package org.onedoor.webhooks.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due webhook deliveries from the outbox. A sender claims a batch with a lease: a conditional update of
 * rows locked with {@code FOR UPDATE SKIP LOCKED}, committed before any request goes out. Only the holder of
 * the lease records the result, and a lease that expires without a result, because its instance stopped,
 * lets any sender take the delivery again. So every instance on the database may run a sender, no attempt is
 * sent by two senders at once, and a delivery is sent at least once.
 */
@Component
public class WebhookSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final WebhookSettings settings;
    private final HttpClient http;
    private ScheduledExecutorService scheduler;

    WebhookSender(JdbcClient jdbc, TransactionTemplate transactions, WebhookSettings settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * Sends every due delivery, batch by batch, and returns how many were delivered. A delivery that fails is
     * put off, so one call ends even when every receiver is down.
     */
    public int deliverDue() {
        int delivered = 0;
        while (true) {
            UUID leaseToken = UUID.randomUUID();
            List<ClaimedDelivery> batch = transactions.execute(status -> claim(leaseToken));
            for (ClaimedDelivery delivery : batch) {
                if (send(delivery, leaseToken)) {
                    delivered++;
                }
            }
            if (batch.size() < settings.batchSize() || Thread.currentThread().isInterrupted()) {
                return delivered;
            }
        }
    }

    private List<ClaimedDelivery> claim(UUID leaseToken) {
        List<ClaimedDelivery> claimed = jdbc.sql("""
                        WITH due AS (
                            SELECT d.id, d.lease_token AS expired_lease, d.leased_at AS expired_leased_at
                            FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
                            WHERE d.status = 'PENDING' AND d.next_attempt_at <= now() AND w.active
                              AND (d.lease_expires_at IS NULL OR d.lease_expires_at <= now())
                            ORDER BY d.next_attempt_at, d.id
                            LIMIT :limit
                            FOR UPDATE OF d SKIP LOCKED)
                        UPDATE webhook_delivery d
                        SET lease_token = :leaseToken, leased_at = now(),
                            lease_expires_at = now() + make_interval(secs => :leaseSeconds)
                        FROM due, webhook w
                        WHERE d.id = due.id AND w.id = d.webhook_id
                        RETURNING d.id, d.webhook_id, w.url, w.secret, d.event_id, d.event_type, d.payload,
                                  d.attempts, d.failures, d.resend_requested_by,
                                  due.expired_lease IS NOT NULL AS lease_expired, due.expired_leased_at""")
                .param("limit", settings.batchSize())
                .param("leaseToken", leaseToken)
                .param("leaseSeconds", settings.lease().toMillis() / 1000.0)
                .query(ClaimedDelivery.class)
                .list();

        return claimed.stream().map(this::recordExpiredLease).toList();
    }

    /**
     * Logs the attempt of a sender that claimed the delivery but never recorded a result. The receiver may or
     * may not have got that request, so it is logged but counts neither as a failure nor as a success.
     */
    private ClaimedDelivery recordExpiredLease(ClaimedDelivery delivery) {
        if (!delivery.leaseExpired()) {
            return delivery;
        }
        int attemptNumber = delivery.attempts() + 1;
        jdbc.sql("UPDATE webhook_delivery SET attempts = :attempts WHERE id = :id")
                .param("attempts", attemptNumber)
                .param("id", delivery.id())
                .update();
        jdbc.sql("""
                        INSERT INTO webhook_attempt (delivery_id, attempt_number, started_at, error)
                        VALUES (:deliveryId, :attemptNumber, :startedAt, :error)""")
                .param("deliveryId", delivery.id())
                .param("attemptNumber", attemptNumber)
                .param("startedAt", java.sql.Timestamp.from(delivery.expiredLeasedAt()))
                .param("error", "No result was recorded before the sender's lease expired, for example because "
                        + "OneDoor stopped during the request. The delivery is sent again.")
                .update();
        log.warn("The lease on webhook delivery {} (webhook {}) expired without a result, so it is sent again",
                delivery.id(), delivery.webhookId());
        return delivery.withAttempts(attemptNumber);
    }

    private boolean send(ClaimedDelivery delivery, UUID leaseToken) {
        long timestamp = Instant.now().getEpochSecond();
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        Integer responseStatus = null;
        String error = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(settings.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "OneDoor-Webhooks")
                    .header("Idempotency-Key", delivery.eventId().toString())
                    .header("OneDoor-Event", delivery.eventType())
                    .header("OneDoor-Timestamp", Long.toString(timestamp))
                    .header("OneDoor-Signature", WebhookSignature.sign(delivery.secret(), timestamp, delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                    .build();
            responseStatus = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (responseStatus < 200 || responseStatus > 299) {
                error = "The receiver answered with HTTP status " + responseStatus + " instead of 2xx.";
            }
        } catch (HttpTimeoutException e) {
            error = "Timed out: " + e.getMessage() + " (connect timeout " + settings.connectTimeout()
                    + ", request timeout " + settings.requestTimeout() + ").";
        } catch (ConnectException e) {
            error = "Could not connect to the receiver: " + (e.getMessage() == null ? "connection refused" : e.getMessage())
                    + ".";
        } catch (IOException e) {
            error = "The request failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ".";
        } catch (IllegalArgumentException e) {
            error = "The URL cannot be requested: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "The request was interrupted because OneDoor is stopping.";
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - start);

        Attempt attempt = new Attempt(startedAt, duration, responseStatus, truncate(error));
        Boolean recorded = transactions.execute(status -> recordResult(delivery, leaseToken, attempt));
        return Boolean.TRUE.equals(recorded) && error == null;
    }

    private boolean recordResult(ClaimedDelivery delivery, UUID leaseToken, Attempt attempt) {
        boolean delivered = attempt.error() == null;
        int failures = delivered ? delivery.failures() : delivery.failures() + 1;
        boolean givingUp = !delivered && failures >= settings.maxAttempts();
        Duration retryDelay = delivered || givingUp ? Duration.ZERO : settings.retryDelay(failures);
        String status = "PENDING";
        if (delivered) {
            status = "DELIVERED";
        } else if (givingUp) {
            status = "FAILED";
        }

        Integer attemptNumber = jdbc.sql("""
                        UPDATE webhook_delivery
                        SET status = :status, attempts = attempts + 1, failures = :failures,
                            next_attempt_at = now() + make_interval(secs => :delaySeconds),
                            delivered_at = CASE WHEN :delivered THEN now() ELSE delivered_at END,
                            last_error = :error, lease_token = NULL, leased_at = NULL, lease_expires_at = NULL,
                            resend_requested_by = NULL
                        WHERE id = :id AND lease_token = :leaseToken
                        RETURNING attempts""")
                .param("status", status)
                .param("failures", failures)
                .param("delaySeconds", retryDelay.toMillis() / 1000.0)
                .param("delivered", delivered)
                .param("error", attempt.error())
                .param("id", delivery.id())
                .param("leaseToken", leaseToken)
                .query(Integer.class)
                .optional()
                .orElse(null);
        if (attemptNumber == null) {
            log.warn("Webhook delivery {} (webhook {}) was deleted or its lease was lost before the result was "
                    + "recorded; the result was {}", delivery.id(), delivery.webhookId(),
                    delivered ? "HTTP " + attempt.responseStatus() : attempt.error());
            return false;
        }

        jdbc.sql("""
                        INSERT INTO webhook_attempt (delivery_id, attempt_number, started_at, duration_ms,
                                                     response_status, error, resent_by)
                        VALUES (:deliveryId, :attemptNumber, :startedAt, :durationMs, :responseStatus, :error,
                                :resentBy)""")
                .param("deliveryId", delivery.id())
                .param("attemptNumber", attemptNumber)
                .param("startedAt", java.sql.Timestamp.from(attempt.startedAt()))
                .param("durationMs", attempt.duration().toMillis())
                .param("responseStatus", attempt.responseStatus())
                .param("error", attempt.error())
                .param("resentBy", delivery.resendRequestedBy())
                .update();

        if (delivered) {
            log.info("Delivered event {} to webhook {} (delivery {}, attempt {}, HTTP {})", delivery.eventId(),
                    delivery.webhookId(), delivery.id(), attemptNumber, attempt.responseStatus());
        } else if (givingUp) {
            log.warn("Gave up on webhook delivery {} (webhook {}) after {} failed attempts: {}", delivery.id(),
                    delivery.webhookId(), failures, attempt.error());
        } else {
            log.warn("Webhook delivery {} (webhook {}) failed (failure {} of {}), retrying in {}: {}", delivery.id(),
                    delivery.webhookId(), failures, settings.maxAttempts(), retryDelay, attempt.error());
        }
        return true;
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }

    @Override
    public synchronized void start() {
        if (!settings.senderEnabled()) {
            log.info("The webhook sender is off on this instance (onedoor.webhooks.sender-enabled=false)");
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::deliverDueLogged, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void deliverDueLogged() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            // The next run tries again; a scheduled task that throws would never run again.
            log.error("Sending webhook deliveries failed", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                if (!scheduler.awaitTermination(settings.connectTimeout().plus(settings.requestTimeout()).toMillis(),
                        TimeUnit.MILLISECONDS)) {
                    log.warn("The webhook sender did not stop in time; its leases expire and other senders retry");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** A delivery claimed by this sender, with what it needs to send it. */
    record ClaimedDelivery(long id, long webhookId, String url, String secret, UUID eventId, String eventType,
                           String payload, int attempts, int failures, String resendRequestedBy,
                           boolean leaseExpired, Instant expiredLeasedAt) {

        ClaimedDelivery withAttempts(int newAttempts) {
            return new ClaimedDelivery(id, webhookId, url, secret, eventId, eventType, payload, newAttempts,
                    failures, resendRequestedBy, leaseExpired, expiredLeasedAt);
        }

        @Override
        public String toString() {
            return "ClaimedDelivery[id=" + id + ", webhookId=" + webhookId + ", eventId=" + eventId + "]";
        }
    }

    private record Attempt(Instant startedAt, Duration duration, Integer responseStatus, String error) {
    }
}
