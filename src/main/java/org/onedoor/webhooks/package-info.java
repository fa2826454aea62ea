/**
 * Webhooks with which partner systems receive referral events: registration with a signing secret, a
 * transactional outbox filled by the referral changes themselves, a background sender with retries, and a
 * delivery log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks")
package org.onedoor.webhooks;
