package org.onedoor.webhooks.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the webhook sender.
 *
 * @param senderEnabled   whether this instance runs the background sender; every instance may run it
 * @param pollInterval    time between looks for due deliveries
 * @param batchSize       deliveries claimed at once
 * @param connectTimeout  limit for opening the connection to a receiver
 * @param requestTimeout  limit for the whole response of a receiver, after connecting
 * @param lease           how long a claimed batch stays with its sender. It must be longer than the batch
 *                        size times both timeouts, so that a live sender never loses its lease during a request
 * @param maxAttempts     failed attempts after which a delivery is marked FAILED
 * @param firstRetryDelay wait after the first failure, before jitter; each further failure doubles it
 * @param maxRetryDelay   longest wait between two attempts, before jitter
 */
@ConfigurationProperties("onedoor.webhooks")
public record WebhookSettings(Boolean senderEnabled, Duration pollInterval, Integer batchSize,
                              Duration connectTimeout, Duration requestTimeout, Duration lease,
                              Integer maxAttempts, Duration firstRetryDelay, Duration maxRetryDelay) {

    public WebhookSettings {
        senderEnabled = senderEnabled == null || senderEnabled;
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        batchSize = batchSize == null ? 5 : batchSize;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        maxAttempts = maxAttempts == null ? 12 : maxAttempts;
        firstRetryDelay = firstRetryDelay == null ? Duration.ofSeconds(30) : firstRetryDelay;
        maxRetryDelay = maxRetryDelay == null ? Duration.ofHours(6) : maxRetryDelay;

        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("onedoor.webhooks.batch-size (" + batchSize + ") and "
                    + "onedoor.webhooks.max-attempts (" + maxAttempts + ") must be 1 or more");
        }
        // A batch is sent one delivery after another, so the lease must cover every request of the batch.
        Duration longestBatch = connectTimeout.plus(requestTimeout).multipliedBy(batchSize);
        if (lease.compareTo(longestBatch) <= 0) {
            throw new IllegalArgumentException("onedoor.webhooks.lease (" + lease + ") must be longer than "
                    + "batch-size times connect-timeout plus request-timeout (" + longestBatch + "), or a slow "
                    + "receiver could let a second sender take a delivery that is still being sent");
        }
    }

    /**
     * Returns the wait after {@code failures} failed attempts: the first retry delay doubled for each failure
     * after the first, capped at the maximum, then a random point in its upper half ("equal jitter"), so that
     * receivers that recover together are not hit by every retry at once.
     */
    public Duration retryDelay(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration delay = firstRetryDelay.multipliedBy(1L << doublings);
        if (delay.compareTo(maxRetryDelay) > 0) {
            delay = maxRetryDelay;
        }
        long half = delay.toMillis() / 2;
        return Duration.ofMillis(delay.toMillis() - half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
