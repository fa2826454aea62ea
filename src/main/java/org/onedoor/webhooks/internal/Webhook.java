package org.onedoor.webhooks.internal;

import java.time.Instant;
import java.util.List;

/**
 * A registered webhook, without its secret.
 *
 * @param eventTypes the subscribed event type codes, such as {@code referral.sent}, in the order of
 *                   {@link WebhookEventType}
 */
public record Webhook(long id, long partnerId, String partnerName, String url, List<String> eventTypes,
                      boolean active, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
                      Instant secretRotatedAt) {
}
