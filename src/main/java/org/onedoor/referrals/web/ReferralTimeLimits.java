package org.onedoor.referrals.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.onedoor.calendar.BusinessCalendar;
import org.onedoor.identity.CurrentUser;
import org.onedoor.referrals.Referral;
import org.onedoor.referrals.deadlines.DeadlineDisplay;
import org.onedoor.referrals.deadlines.ReferralDeadline;
import org.onedoor.referrals.deadlines.ReferralDeadlines;
import org.springframework.stereotype.Component;

/** Builds the time limits of referrals for the pages, with due times in the reader's office zone. */
@Component
class ReferralTimeLimits {

    private final ReferralDeadlines deadlines;
    private final BusinessCalendar calendar;

    ReferralTimeLimits(ReferralDeadlines deadlines, BusinessCalendar calendar) {
        this.deadlines = deadlines;
        this.calendar = calendar;
    }

    /** Lists the referral's deadlines, response first, as the reader sees them. */
    List<DeadlineDisplay> of(long referralId, CurrentUser reader) {
        ZoneId zone = readerZone(reader);
        Instant now = Instant.now();
        return deadlines.of(referralId).stream().map(deadline -> DeadlineDisplay.of(deadline, zone, now)).toList();
    }

    /** Returns the response deadline of each listed referral that has one, by referral id. */
    Map<Long, DeadlineDisplay> responses(List<Referral> referrals, CurrentUser reader) {
        ZoneId zone = readerZone(reader);
        Instant now = Instant.now();
        Map<Long, ReferralDeadline> found = deadlines.responses(referrals.stream().map(Referral::id).toList());
        return found.values().stream().collect(Collectors.toMap(ReferralDeadline::referralId,
                deadline -> DeadlineDisplay.of(deadline, zone, now)));
    }

    /** Returns the zone the reader reads times in, which is UTC for an administrator without a partner or office. */
    ZoneId readerZone(CurrentUser reader) {
        return calendar.readerZone(reader.id(), null);
    }
}
