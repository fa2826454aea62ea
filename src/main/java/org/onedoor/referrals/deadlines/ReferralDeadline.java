package org.onedoor.referrals.deadlines;

import java.time.Instant;
import java.time.ZoneId;

/**
 * One time limit of a referral. Every instant is UTC.
 *
 * @param businessDays  the service's business days for this deadline when the referral was sent
 * @param dueAt         the end of the last business day, counted in the receiving office's zone
 * @param timeZone      the receiving office's zone, in which the business days were counted
 * @param metAt         when the receiving partner met the deadline; {@code null} while it is not met
 * @param closedAt      when the referral closed before the deadline was met; {@code null} otherwise
 * @param ownerAlertedAt when the sender was alerted that the deadline passed
 * @param escalatedAt   when the receiving partner's administrators were alerted
 */
public record ReferralDeadline(long referralId, DeadlineKind kind, int businessDays, Instant dueAt, String timeZone,
                               Instant metAt, Instant closedAt, Instant ownerAlertedAt, Instant escalatedAt) {

    public enum State { MET, CLOSED, OVERDUE, OPEN }

    /** Returns the state at {@code now}: met, closed unmet, overdue, or open and not yet due. */
    public State stateAt(Instant now) {
        if (metAt != null) {
            return State.MET;
        }
        if (closedAt != null) {
            return State.CLOSED;
        }
        return now.isAfter(dueAt) ? State.OVERDUE : State.OPEN;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
