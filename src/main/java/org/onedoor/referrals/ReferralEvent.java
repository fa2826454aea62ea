package org.onedoor.referrals;

import java.time.Instant;

/**
 * Published inside the transaction that sends a referral or changes it, so that a listener's own writes (a
 * notification, a timer, a webhook delivery in an outbox) commit or roll back with the change itself.
 *
 * @param status         the status after the change
 * @param previousStatus the status before it; {@code null} when the referral was just sent
 * @param senderUserId   the staff member who sent the referral and owns it on the sending side
 * @param actorUserId    who made this change; {@code null} when OneDoor made it, for example on expiry
 */
public record ReferralEvent(long referralId, Kind kind, ReferralStatus status, ReferralStatus previousStatus,
                            long businessId, long serviceId, String needCode, long sendingPartnerId,
                            long receivingPartnerId, long receivingOfficeId, long senderUserId, Long actorUserId,
                            Instant occurredAt) {

    public enum Kind {
        /** The referral was sent and took a unit of the service's capacity. */
        SENT,
        /** The status changed. */
        STATUS_CHANGED,
        /** The receiving partner recorded its first contact with the business. */
        FIRST_CONTACT_RECORDED
    }
}
