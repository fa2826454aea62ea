package org.onedoor.referrals.deadlines;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.onedoor.calendar.BusinessCalendar;
import org.onedoor.calendar.TimeDisplay;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.notifications.Notice;
import org.onedoor.notifications.Notifications;
import org.onedoor.timers.Timer;
import org.onedoor.timers.TimerHandler;
import org.onedoor.timers.Timers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks a deadline when its timer fires. An unmet deadline first alerts the sender and schedules the escalation
 * one business day later. If the deadline is still unmet then, the receiving partner's administrators are
 * alerted. Each reader gets a notice of their own, with the due time in their zone.
 */
@Component
class DeadlineTimerHandler implements TimerHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadlineTimerHandler.class);

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;
    private final Timers timers;
    private final Notifications notifications;
    private final UserAccounts accounts;

    DeadlineTimerHandler(JdbcClient jdbc, BusinessCalendar calendar, Timers timers, Notifications notifications,
                         UserAccounts accounts) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.timers = timers;
        this.notifications = notifications;
        this.accounts = accounts;
    }

    @Override
    public String kind() {
        return DeadlineTimer.KIND;
    }

    @Override
    public void handle(Timer timer) {
        DeadlineTimer stage = DeadlineTimer.parse(timer.payload());
        Optional<OpenDeadline> found = lockUnmet(stage);
        if (found.isEmpty()) {
            log.debug("Timer {}: the {} deadline of referral {} is met, closed or unknown", timer.id(),
                    stage.deadline().label(), stage.referralId());
            return;
        }
        OpenDeadline deadline = found.get();
        switch (stage.stage()) {
            case OWNER -> alertOwner(deadline);
            case ESCALATION -> escalate(deadline);
        }
    }

    private void alertOwner(OpenDeadline deadline) {
        if (deadline.ownerAlertedAt() != null) {
            return;
        }
        notifyReader(deadline.senderUserId(), deadline, false);
        record(deadline, "owner_alerted_at");

        Instant escalationAt = calendar.dueAfterBusinessDays(deadline.areaId(), ZoneId.of(deadline.timeZone()),
                deadline.dueAt(), 1);
        DeadlineTimer escalation = new DeadlineTimer(deadline.referralId(), deadline.kind(), DeadlineTimer.Stage.ESCALATION);
        timers.schedule(DeadlineTimer.KIND, escalation.key(), escalationAt, escalation.payload());
        log.info("Referral {} missed its {} deadline; alerted the sender {} and escalating at {}",
                deadline.referralId(), deadline.kind().label(), deadline.senderUserId(), escalationAt);
    }

    private void escalate(OpenDeadline deadline) {
        if (deadline.escalatedAt() != null) {
            return;
        }
        List<Long> readers = partnerAdministrators(deadline.receivingPartnerId());
        for (long reader : readers) {
            notifyReader(reader, deadline, true);
        }
        record(deadline, "escalated_at");
        log.info("Referral {} is still past its {} deadline; alerted {} administrators of partner {}",
                deadline.referralId(), deadline.kind().label(), readers.size(), deadline.receivingPartnerId());
    }

    /** Returns the enabled partner administrators, or the installation's administrators when there are none. */
    private List<Long> partnerAdministrators(long partnerId) {
        List<Long> partnerAdministrators = enabled(accounts.list(partnerId), Role.PARTNER_ADMINISTRATOR);
        return partnerAdministrators.isEmpty() ? enabled(accounts.list(null), Role.ADMINISTRATOR) : partnerAdministrators;
    }

    private static List<Long> enabled(List<UserAccount> list, Role role) {
        return list.stream().filter(account -> account.enabled() && account.role() == role).map(UserAccount::id).toList();
    }

    private void notifyReader(long userId, OpenDeadline deadline, boolean escalation) {
        ZoneId zone = calendar.readerZone(userId, deadline.areaId());
        String due = TimeDisplay.format(deadline.dueAt(), zone);
        String task = deadline.kind() == DeadlineKind.RESPONSE ? "respond to" : "make first contact for";
        String subject = "Referral " + deadline.referralId() + " is past its " + deadline.kind().label() + " deadline";
        String body = deadline.partnerName() + " had to " + task + " referral " + deadline.referralId() + " ("
                + deadline.serviceName() + ") by " + due + ", " + deadline.businessDays() + " business days after it "
                + "was sent, and has not yet done so."
                + (escalation
                ? " The sender was alerted one business day ago. As an administrator of " + deadline.partnerName()
                        + ", follow up with the staff who have the referral."
                : " Contact " + deadline.partnerName() + " to follow up.");
        notifications.notifyUsers(List.of(userId), new Notice(subject, body, "/referrals/" + deadline.referralId()));
    }

    private Optional<OpenDeadline> lockUnmet(DeadlineTimer stage) {
        return jdbc.sql("""
                        SELECT d.referral_id, d.deadline AS kind, d.business_days, d.due_at, d.time_zone, d.area_id,
                               d.receiving_partner_id, d.sender_user_id, d.owner_alerted_at, d.escalated_at,
                               p.name AS partner_name, s.name AS service_name
                        FROM referral_deadline d
                        JOIN partner p ON p.id = d.receiving_partner_id
                        JOIN service s ON s.id = d.service_id
                        WHERE d.referral_id = :referralId AND d.deadline = :deadline
                          AND d.met_at IS NULL AND d.closed_at IS NULL
                        FOR UPDATE OF d""")
                .param("referralId", stage.referralId())
                .param("deadline", stage.deadline().name())
                .query(OpenDeadline.class)
                .optional();
    }

    private void record(OpenDeadline deadline, String column) {
        // The column name comes from this class, never from input.
        jdbc.sql("UPDATE referral_deadline SET " + column + " = :now WHERE referral_id = :referralId AND deadline = :deadline")
                .param("now", Timestamp.from(Instant.now()))
                .param("referralId", deadline.referralId())
                .param("deadline", deadline.kind().name())
                .update();
    }

    private record OpenDeadline(long referralId, DeadlineKind kind, int businessDays, Instant dueAt, String timeZone,
                                long areaId, long receivingPartnerId, long senderUserId, Instant ownerAlertedAt,
                                Instant escalatedAt, String partnerName, String serviceName) {
    }
}
