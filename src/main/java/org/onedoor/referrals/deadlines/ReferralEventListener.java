package org.onedoor.referrals.deadlines;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;

import org.onedoor.calendar.BusinessCalendar;
import org.onedoor.referrals.ReferralEvent;
import org.onedoor.referrals.ReferralStatus;
import org.onedoor.timers.Timers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the deadlines of each referral in step with its events. It runs inside the transaction that published
 * the event, so the deadlines and timers commit or roll back with the referral change.
 */
@Component
class ReferralEventListener {

    private static final Logger log = LoggerFactory.getLogger(ReferralEventListener.class);

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;
    private final Timers timers;

    ReferralEventListener(JdbcClient jdbc, BusinessCalendar calendar, Timers timers) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.timers = timers;
    }

    @EventListener
    void on(ReferralEvent event) {
        switch (event.kind()) {
            case SENT -> startDeadlines(event);
            case STATUS_CHANGED -> statusChanged(event);
            case FIRST_CONTACT_RECORDED -> meet(event.referralId(), DeadlineKind.FIRST_CONTACT, event.occurredAt());
        }
    }

    private void startDeadlines(ReferralEvent event) {
        TimeLimits limits = jdbc.sql("""
                        SELECT s.response_days, s.first_contact_days, o.time_zone, p.area_id
                        FROM service s, office o JOIN partner p ON p.id = o.partner_id
                        WHERE s.id = :serviceId AND o.id = :officeId""")
                .param("serviceId", event.serviceId())
                .param("officeId", event.receivingOfficeId())
                .query(TimeLimits.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException("Referral " + event.referralId() + " names service "
                        + event.serviceId() + " or receiving office " + event.receivingOfficeId() + ", which was not found"));
        ZoneId zone = ZoneId.of(limits.timeZone());

        start(event, limits, zone, DeadlineKind.RESPONSE, limits.responseDays());
        start(event, limits, zone, DeadlineKind.FIRST_CONTACT, limits.firstContactDays());
    }

    private void start(ReferralEvent event, TimeLimits limits, ZoneId zone, DeadlineKind kind, int days) {
        Instant dueAt = calendar.dueAfterBusinessDays(limits.areaId(), zone, event.occurredAt(), days);
        int inserted = jdbc.sql("""
                        INSERT INTO referral_deadline (referral_id, deadline, business_days, due_at, time_zone, area_id,
                                                       service_id, receiving_partner_id, receiving_office_id,
                                                       sender_user_id)
                        VALUES (:referralId, :deadline, :days, :dueAt, :zone, :areaId, :serviceId, :partnerId,
                                :officeId, :senderId)
                        ON CONFLICT (referral_id, deadline) DO NOTHING""")
                .param("referralId", event.referralId())
                .param("deadline", kind.name())
                .param("days", days)
                .param("dueAt", Timestamp.from(dueAt))
                .param("zone", zone.getId())
                .param("areaId", limits.areaId())
                .param("serviceId", event.serviceId())
                .param("partnerId", event.receivingPartnerId())
                .param("officeId", event.receivingOfficeId())
                .param("senderId", event.senderUserId())
                .update();
        if (inserted == 0) {
            log.info("Referral {} already has a {} deadline, so the repeated SENT event changed nothing",
                    event.referralId(), kind.label());
            return;
        }
        DeadlineTimer timer = new DeadlineTimer(event.referralId(), kind, DeadlineTimer.Stage.OWNER);
        timers.schedule(DeadlineTimer.KIND, timer.key(), dueAt, timer.payload());
    }

    private void statusChanged(ReferralEvent event) {
        if (isResponse(event.status())) {
            meet(event.referralId(), DeadlineKind.RESPONSE, event.occurredAt());
        }
        if (event.status().closed()) {
            jdbc.sql("""
                            UPDATE referral_deadline SET closed_at = :closedAt
                            WHERE referral_id = :referralId AND met_at IS NULL AND closed_at IS NULL""")
                    .param("closedAt", Timestamp.from(event.occurredAt()))
                    .param("referralId", event.referralId())
                    .update();
            for (DeadlineKind kind : DeadlineKind.values()) {
                cancelTimers(event.referralId(), kind);
            }
        }
    }

    /**
     * Tells whether a new status is the receiving partner's response. Leaving requested and received is a response, except
     * for cancelled, which the sender sets, and failed, which OneDoor sets when a referral expires.
     */
    private static boolean isResponse(ReferralStatus status) {
        return switch (status) {
            case REQUESTED, RECEIVED, CANCELLED, FAILED -> false;
            case ACCEPTED, REJECTED, IN_PROGRESS, ON_HOLD, COMPLETED -> true;
        };
    }

    private void meet(long referralId, DeadlineKind kind, Instant at) {
        jdbc.sql("""
                        UPDATE referral_deadline SET met_at = :metAt
                        WHERE referral_id = :referralId AND deadline = :deadline AND met_at IS NULL AND closed_at IS NULL""")
                .param("metAt", Timestamp.from(at))
                .param("referralId", referralId)
                .param("deadline", kind.name())
                .update();
        cancelTimers(referralId, kind);
    }

    private void cancelTimers(long referralId, DeadlineKind kind) {
        for (DeadlineTimer.Stage stage : DeadlineTimer.Stage.values()) {
            timers.cancel(new DeadlineTimer(referralId, kind, stage).key());
        }
    }

    private record TimeLimits(int responseDays, int firstContactDays, String timeZone, long areaId) {
    }
}
