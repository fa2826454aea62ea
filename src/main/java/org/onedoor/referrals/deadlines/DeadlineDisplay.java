package org.onedoor.referrals.deadlines;

import java.time.Instant;
import java.time.ZoneId;

import org.onedoor.calendar.TimeDisplay;
import org.onedoor.referrals.deadlines.ReferralDeadline.State;

/**
 * A referral deadline as one reader sees it on a page.
 *
 * @param dueText the due time in the reader's zone with the zone abbreviation, such as {@code Tue, Mar 16, 2027,
 *                5:00 PM CDT}
 * @param state   the state when the page was built
 */
public record DeadlineDisplay(DeadlineKind kind, int businessDays, Instant dueAt, String dueText, State state) {

    public static DeadlineDisplay of(ReferralDeadline deadline, ZoneId readerZone, Instant now) {
        return new DeadlineDisplay(deadline.kind(), deadline.businessDays(), deadline.dueAt(),
                TimeDisplay.format(deadline.dueAt(), readerZone), deadline.stateAt(now));
    }

    public boolean overdue() {
        return state == State.OVERDUE;
    }

    /** Returns the state in words for a tag next to the due time. */
    public String stateLabel() {
        return switch (state) {
            case MET -> "Met";
            case CLOSED -> "Closed unmet";
            case OVERDUE -> "Overdue";
            case OPEN -> "Open";
        };
    }
}
