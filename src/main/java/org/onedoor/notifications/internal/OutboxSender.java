package org.onedoor.notifications.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due mail from the outbox over SMTP. Each batch is locked with {@code FOR UPDATE SKIP LOCKED} for the
 * time of sending, so instances that share the database never send the same mail twice at once. A failed
 * attempt is counted, its error kept and the next attempt put off exponentially, up to the maximum attempts.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH_SIZE = 20;
    private static final int MAX_ERROR_LENGTH = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MailSettings settings;
    private final JavaMailSender configuredSender;

    OutboxSender(JdbcClient jdbc, TransactionTemplate transactions, MailSettings settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.configuredSender = settings.smtpConfigured() ? settings.createSender() : null;
        if (configuredSender == null) {
            log.info("No SMTP host is set (ONEDOOR_SMTP_HOST), so mail stays in the outbox at /admin/outbox");
        } else {
            log.info("Mail is sent through SMTP server {}:{}", settings.smtpHost(), settings.smtpPort());
        }
    }

    @Scheduled(initialDelayString = "${onedoor.mail.send-interval:PT15S}",
            fixedDelayString = "${onedoor.mail.send-interval:PT15S}")
    void sendScheduled() {
        if (configuredSender != null) {
            sendDue(configuredSender);
        }
    }

    /**
     * Sends every due pending mail through the given sender, batch by batch, and returns how many were sent.
     * Mail that failed is left for a later run, so one call ends even when the server rejects everything.
     */
    public int sendDue(JavaMailSender sender) {
        int sent = 0;
        while (true) {
            BatchResult batch = transactions.execute(status -> sendBatch(sender));
            sent += batch.sent();
            if (batch.claimed() < BATCH_SIZE) {
                return sent;
            }
        }
    }

    private BatchResult sendBatch(JavaMailSender sender) {
        List<OutboxMail> due = jdbc.sql("""
                        SELECT id, recipient, subject, body, status, attempts, last_error, created_at,
                               next_attempt_at, sent_at
                        FROM mail_outbox
                        WHERE status = 'PENDING' AND next_attempt_at <= now()
                        ORDER BY next_attempt_at, id
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""")
                .param("limit", BATCH_SIZE)
                .query(OutboxMail.class)
                .list();

        int sent = 0;
        for (OutboxMail mail : due) {
            if (send(sender, mail)) {
                sent++;
            }
        }
        return new BatchResult(due.size(), sent);
    }

    private boolean send(JavaMailSender sender, OutboxMail mail) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.from());
        message.setTo(mail.recipient());
        message.setSubject(mail.subject());
        message.setText(mail.body());

        try {
            sender.send(message);
        } catch (MailException e) {
            recordFailure(mail, e);
            return false;
        }

        jdbc.sql("UPDATE mail_outbox SET status = 'SENT', sent_at = now(), attempts = attempts + 1 WHERE id = :id")
                .param("id", mail.id())
                .update();
        log.info("Sent mail {} to the SMTP server", mail.id());
        return true;
    }

    private void recordFailure(OutboxMail mail, MailException error) {
        int attempts = mail.attempts() + 1;
        boolean givingUp = attempts >= settings.maxAttempts();
        String message = String.valueOf(error.getMostSpecificCause().getMessage());

        jdbc.sql("""
                        UPDATE mail_outbox
                        SET attempts = :attempts, last_error = :error, status = :status,
                            next_attempt_at = now() + make_interval(secs => :delaySeconds)
                        WHERE id = :id""")
                .param("attempts", attempts)
                .param("error", message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message)
                .param("status", givingUp ? "FAILED" : "PENDING")
                .param("delaySeconds", (double) settings.retryDelay(attempts).toSeconds())
                .param("id", mail.id())
                .update();

        if (givingUp) {
            log.warn("Gave up on mail {} after {} failed attempts: {}", mail.id(), attempts, message);
        } else {
            log.warn("Sending mail {} failed (attempt {} of {}), retrying in {}: {}", mail.id(), attempts,
                    settings.maxAttempts(), settings.retryDelay(attempts), message);
        }
    }

    private record BatchResult(int claimed, int sent) {
    }
}
