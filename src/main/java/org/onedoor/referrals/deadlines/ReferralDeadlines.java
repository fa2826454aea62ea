package org.onedoor.referrals.deadlines;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the time limits of a referral, for the referral page and lists. Show a due time to a reader with
 * {@code TimeDisplay.format(deadline.dueAt(), businessCalendar.readerZone(userId, areaId))}.
 */
@Service
@Transactional(readOnly = true)
public class ReferralDeadlines {

    private final JdbcClient jdbc;

    ReferralDeadlines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the referral's deadlines, response first; empty when the referral is unknown. */
    public List<ReferralDeadline> of(long referralId) {
        return jdbc.sql("""
                        SELECT referral_id, deadline AS kind, business_days, due_at, time_zone, met_at, closed_at,
                               owner_alerted_at, escalated_at
                        FROM referral_deadline WHERE referral_id = :referralId
                        ORDER BY CASE deadline WHEN 'RESPONSE' THEN 0 ELSE 1 END""")
                .param("referralId", referralId)
                .query(ReferralDeadline.class)
                .list();
    }

    /** Returns the response deadline of each referral that has one, by referral id, in one query. */
    public Map<Long, ReferralDeadline> responses(Collection<Long> referralIds) {
        if (referralIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        SELECT referral_id, deadline AS kind, business_days, due_at, time_zone, met_at, closed_at,
                               owner_alerted_at, escalated_at
                        FROM referral_deadline WHERE referral_id IN (:referralIds) AND deadline = 'RESPONSE'""")
                .param("referralIds", referralIds)
                .query(ReferralDeadline.class)
                .list()
                .stream()
                .collect(Collectors.toMap(ReferralDeadline::referralId, Function.identity()));
    }
}
