package org.onedoor.engagement.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.onedoor.engagement.ContactEntry;
import org.onedoor.engagement.CoordinationRequest;
import org.onedoor.calendar.BusinessCalendar;
import org.onedoor.identity.CurrentUser;
import org.onedoor.referrals.Referral;
import org.onedoor.referrals.Referrals;
import org.onedoor.referrals.deadlines.DeadlineDisplay;
import org.onedoor.referrals.deadlines.ReferralDeadline;
import org.onedoor.referrals.deadlines.ReferralDeadlines;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A staff member's portfolio: the businesses they manage and what needs their attention. */
@Service
@Transactional(readOnly = true)
public class Portfolio {

    /** Planned contacts due within this period, and all overdue ones, count as due follow-ups. */
    static final Duration DUE_AHEAD = Duration.ofDays(7);
    /** Contacts by other partners entered within this period count as recent. */
    static final Duration RECENT = Duration.ofDays(30);

    private final JdbcClient jdbc;
    private final ContactLog contactLog;
    private final Coordination coordination;
    private final Referrals referrals;
    private final ReferralDeadlines deadlines;
    private final BusinessCalendar calendar;

    Portfolio(JdbcClient jdbc, ContactLog contactLog, Coordination coordination, Referrals referrals,
              ReferralDeadlines deadlines, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.contactLog = contactLog;
        this.coordination = coordination;
        this.referrals = referrals;
        this.deadlines = deadlines;
        this.calendar = calendar;
    }

    /** @param asTeam whether the user manages the business as a team's lead or member, not alone */
    public record ManagedBusiness(long businessId, String legalName, boolean asTeam, String teamName,
                                  Instant assignedAt) {
    }

    /** @param respondBy the response deadline in the reader's zone, or {@code null} when the referral has none */
    public record OpenReferral(Referral referral, DeadlineDisplay respondBy) {
    }

    public record View(List<ManagedBusiness> businesses, List<ContactEntry> dueFollowUps,
                       List<CoordinationRequest> pendingRequests, List<ContactEntry> recentByOthers,
                       List<OpenReferral> openReferrals) {
    }

    public View of(CurrentUser user) {
        List<ManagedBusiness> businesses = managedBy(user.id());
        List<Long> businessIds = businesses.stream().map(ManagedBusiness::businessId).toList();
        Instant now = Instant.now();
        return new View(businesses,
                contactLog.plannedBy(user.id(), now.plus(DUE_AHEAD), user),
                coordination.pendingFor(user.id()),
                contactLog.byOtherPartners(businessIds, now.minus(RECENT), user),
                openReferrals(businessIds, user, now));
    }

    /** Lists the open referrals of the businesses, sent or received by any partner, with their respond-by times. */
    private List<OpenReferral> openReferrals(List<Long> businessIds, CurrentUser user, Instant now) {
        List<Referral> open = referrals.openOfBusinesses(businessIds, user);
        Map<Long, ReferralDeadline> responses = deadlines.responses(open.stream().map(Referral::id).toList());
        ZoneId zone = calendar.readerZone(user.id(), null);
        return open.stream()
                .map(referral -> {
                    ReferralDeadline response = responses.get(referral.id());
                    return new OpenReferral(referral,
                            response == null ? null : DeadlineDisplay.of(response, zone, now));
                })
                .toList();
    }

    /** Lists the planned contacts with a business by the user or, for a team, by any of its members. */
    public List<ContactEntry> plannedByManager(long businessId, CurrentUser user) {
        return contactLog.forBusiness(businessId, user, 200).stream()
                .filter(contact -> contact.status() == org.onedoor.engagement.ContactStatus.PLANNED)
                .filter(contact -> contact.occurredAt().isAfter(Instant.now()))
                .filter(contact -> jdbc.sql("""
                                SELECT count(*) FROM account_manager am
                                LEFT JOIN account_team t ON t.id = am.team_id
                                WHERE am.business_id = :businessId AND am.ended_at IS NULL
                                  AND (am.user_id = :staff OR t.lead_user_id = :staff
                                       OR EXISTS (SELECT 1 FROM account_team_member m
                                                  WHERE m.team_id = am.team_id AND m.user_id = :staff))""")
                        .param("businessId", businessId)
                        .param("staff", contact.staffUserId())
                        .query(Long.class)
                        .single() > 0)
                .toList();
    }

    public List<ManagedBusiness> managedBy(long userId) {
        return jdbc.sql("""
                        SELECT b.id, b.legal_name, am.team_id IS NOT NULL AS as_team, t.name AS team_name,
                               am.assigned_at
                        FROM account_manager am
                        JOIN business b ON b.id = am.business_id
                        LEFT JOIN account_team t ON t.id = am.team_id
                        WHERE am.ended_at IS NULL
                          AND (am.user_id = :userId
                               OR t.lead_user_id = :userId
                               OR EXISTS (SELECT 1 FROM account_team_member m
                                          WHERE m.team_id = am.team_id AND m.user_id = :userId))
                        ORDER BY b.folded_legal_name, b.id
                        LIMIT 500""")
                .param("userId", userId)
                .query((row, n) -> new ManagedBusiness(row.getLong("id"), row.getString("legal_name"),
                        row.getBoolean("as_team"), row.getString("team_name"),
                        row.getTimestamp("assigned_at").toInstant()))
                .list();
    }
}
