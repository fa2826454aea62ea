package org.onedoor.referrals;

import java.time.Instant;

/**
 * One entry of a referral's timeline: the send (without a previous status), a status change, or the first contact
 * (with {@code reasonCode} {@code first_contact} and the same status before and after).
 *
 * @param changedBy     the user who made the change; {@code null} when OneDoor made it, as on expiry
 * @param changedByName the user's display name, or "OneDoor"
 */
public record StatusChange(long id, ReferralStatus fromStatus, ReferralStatus toStatus, String reasonCode,
                           String reasonLabel, String reasonText, String outcome, Long changedBy,
                           String changedByName, Instant changedAt) {

    /** Returns this entry without the reason text and outcome, for readers outside the two partners involved. */
    public StatusChange restricted() {
        return new StatusChange(id, fromStatus, toStatus, reasonCode, reasonLabel, null, null, changedBy,
                changedByName, changedAt);
    }
}
