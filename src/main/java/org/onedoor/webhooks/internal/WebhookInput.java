package org.onedoor.webhooks.internal;

import java.util.List;

/**
 * The fields of a webhook that its partner chooses.
 *
 * @param eventTypes event type codes, such as {@code referral.sent}
 * @param active     {@code null} means active for a new webhook and unchanged for an existing one
 */
public record WebhookInput(String url, List<String> eventTypes, Boolean active) {
}
