package org.onedoor.directory.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.onedoor.directory.ServiceVerification;
import org.onedoor.notifications.Notice;
import org.onedoor.notifications.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds the owners of services whose review is overdue, once per overdue period: a notification and a mail to
 * the owning partner's administrators, and a mail to the service's contact address when it has one. The job runs
 * shortly after start-up and then at a fixed interval. Each reminder is claimed by inserting its row into
 * {@code service_review_reminder} under the key (service, review due time) in the same transaction as its
 * notifications, so restarts and concurrent instances never send it twice, and a run after downtime catches up.
 */
@Component
public class ReviewReminders {

    private static final Logger log = LoggerFactory.getLogger(ReviewReminders.class);
    private static final int BATCH_SIZE = 50;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoints;
    private final Notifications notifications;

    ReviewReminders(JdbcClient jdbc, PlatformTransactionManager transactionManager, Notifications notifications) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.savepoints = new TransactionTemplate(transactionManager);
        this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.notifications = notifications;
    }

    @Scheduled(initialDelayString = "${onedoor.review-reminders.initial-delay:PT2M}",
            fixedDelayString = "${onedoor.review-reminders.interval:PT24H}")
    void sendScheduled() {
        try {
            int sent = sendDue();
            log.info("The review reminder run sent {} reminders", sent);
        } catch (RuntimeException e) {
            log.error("The review reminder run failed; the next run retries the reminders not yet sent", e);
        }
    }

    /**
     * Sends a reminder for every overdue review that has none yet, batch by batch, and returns how many this call
     * sent. Reminders claimed by another instance at the same time are left to it.
     */
    public int sendDue() {
        RunState run = new RunState();
        while (true) {
            Integer claimed = transactions.execute(status -> claimAndSendBatch(run));
            if (claimed == null || claimed == 0) {
                return run.sent;
            }
        }
    }

    /** Claims up to a batch of reminders and sends each, returning how many were claimed. */
    private int claimAndSendBatch(RunState run) {
        // A row inserted by another instance's open transaction is not seen by NOT EXISTS, so the insert waits
        // for that transaction and then skips the row through ON CONFLICT if it was committed.
        List<ClaimedReminder> claimed = jdbc.sql("""
                        INSERT INTO service_review_reminder (service_id, review_due_at)
                        SELECT review.service_id, review.review_due_at
                        FROM service_review review
                        WHERE review.review_overdue
                          AND NOT EXISTS (SELECT 1 FROM service_review_reminder sent
                                          WHERE sent.service_id = review.service_id
                                            AND sent.review_due_at = review.review_due_at)
                          AND review.service_id NOT IN (:failedServiceIds)
                        ORDER BY review.review_due_at, review.service_id
                        LIMIT :limit
                        ON CONFLICT DO NOTHING
                        RETURNING service_id, review_due_at""")
                .param("limit", BATCH_SIZE)
                .param("failedServiceIds", run.failedServiceIds)
                .query(ClaimedReminder.class)
                .list();

        for (ClaimedReminder reminder : claimed) {
            sendOrRelease(reminder, run);
        }
        return claimed.size();
    }

    /**
     * Sends one reminder inside a savepoint. When that fails, the savepoint is rolled back and the claim deleted,
     * so one broken entry neither blocks the other reminders nor counts as reminded. The next run tries it again.
     */
    private void sendOrRelease(ClaimedReminder reminder, RunState run) {
        try {
            savepoints.executeWithoutResult(status -> remind(reminder));
            run.sent++;
        } catch (RuntimeException e) {
            log.error("Reminding the owners of service {} about its overdue review failed; the next run tries again",
                    reminder.serviceId(), e);
            run.failedServiceIds.add(reminder.serviceId());
            jdbc.sql("DELETE FROM service_review_reminder WHERE service_id = :serviceId AND review_due_at = :dueAt")
                    .param("serviceId", reminder.serviceId())
                    .param("dueAt", reminder.reviewDueAt().atOffset(ZoneOffset.UTC))
                    .update();
        }
    }

    private void remind(ClaimedReminder reminder) {
        OverdueService service = jdbc.sql("""
                        SELECT s.id, s.name, review.partner_id, p.name AS partner_name, s.contact_email,
                               o.time_zone, review.last_verified_at, review.last_verified_by, review.review_due_at,
                               review.review_overdue
                        FROM service s
                        JOIN service_review review ON review.service_id = s.id
                        JOIN partner p ON p.id = review.partner_id
                        JOIN office o ON o.id = s.office_id
                        WHERE s.id = :id""")
                .param("id", reminder.serviceId())
                .query(OverdueService.class)
                .single();
        Notice notice = notice(service);

        Set<String> recipients = new TreeSet<>(notifications.notifyPartnerAdministrators(service.partnerId(), notice));
        if (service.contactEmail() != null && !service.contactEmail().isBlank()) {
            String contact = service.contactEmail().strip().toLowerCase(Locale.ROOT);
            if (!recipients.contains(contact) && notifications.mail(contact, notice)) {
                recipients.add(contact);
            }
        }

        jdbc.sql("""
                        UPDATE service_review_reminder SET recipients = :recipients
                        WHERE service_id = :serviceId AND review_due_at = :dueAt""")
                .param("recipients", String.join(", ", recipients))
                .param("serviceId", reminder.serviceId())
                .param("dueAt", reminder.reviewDueAt().atOffset(ZoneOffset.UTC))
                .update();
        log.info("Reminded partner {} that the review of service {} is overdue, by {} mails",
                service.partnerId(), service.id(), recipients.size());
    }

    static Notice notice(OverdueService service) {
        ServiceVerification verification = service.verification();
        String lastVerified = verification.everVerified()
                ? "It was last verified " + verification.lastVerifiedText(service.timeZone()) + " by "
                        + verification.lastVerifiedBy() + "."
                : "It has never been verified.";
        String body = "The directory entry of " + service.name() + " (" + service.partnerName()
                + ") was due for review on " + verification.reviewDueDateText(service.timeZone()) + ". "
                + lastVerified + "\n\n"
                + "Staff at every partner rely on this entry when they refer businesses. Check its description, "
                + "eligibility, contact and office, edit what has changed, then choose \"Mark as verified\".";
        return new Notice("Review overdue: " + service.name(), body, "/directory/services/" + service.id());
    }

    record ClaimedReminder(long serviceId, Instant reviewDueAt) {
    }

    /** The progress of one call of {@link #sendDue()}; the -1 keeps the NOT IN list valid while it is empty. */
    private static final class RunState {
        int sent;
        final List<Long> failedServiceIds = new ArrayList<>(List.of(-1L));
    }

    record OverdueService(long id, String name, long partnerId, String partnerName, String contactEmail,
                          String timeZone, Instant lastVerifiedAt, String lastVerifiedBy, Instant reviewDueAt,
                          boolean reviewOverdue) {

        ServiceVerification verification() {
            return new ServiceVerification(lastVerifiedAt, lastVerifiedBy, reviewDueAt, reviewOverdue);
        }
    }
}
