package org.onedoor.notifications.internal;

import java.time.Instant;

/**
 * A mail in the outbox as the outbox page shows it.
 *
 * @param status {@code PENDING}, {@code SENT} or {@code FAILED}
 * @param lastError the message of the latest failed attempt; {@code null} when none failed
 */
public record OutboxMail(long id, String recipient, String subject, String body, String status, int attempts,
                         String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt) {
}
