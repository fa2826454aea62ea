package org.onedoor.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.directory.internal.ReviewReminders;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.notifications.Notice;
import org.onedoor.notifications.Notifications;
import org.onedoor.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;

/**
 * Sends the outbox over SMTP to a GreenMail server on loopback, and checks retries against a loopback port with
 * no server behind it. The shared test context has no SMTP host, so these tests hand the sender a mail sender
 * built by {@link MailSettings} for the GreenMail port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutboxSenderTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    OutboxSender sender;

    @Autowired
    Notifications notifications;

    @Autowired
    ReviewReminders reminders;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void reminderArrivesOverSmtp() throws Exception {
        TestPartner partner = DirectoryFixtures.createPartner(jdbc);
        UserAccount reviewer = TestAccounts.ensure(accounts, "smtp-" + partner.suffix() + "@onedoor.test",
                Role.PARTNER_ADMINISTRATOR, partner.partnerId());
        jdbc.sql("""
                        UPDATE service SET last_verified_at = now() - interval '100 days', last_verified_by = 'SMTP test'
                        WHERE id = :id""")
                .param("id", partner.serviceId()).update();

        reminders.sendDue();
        sender.sendDue(greenMailSender());

        MimeMessage reminder = receivedBy(reviewer.email()).stream()
                .filter(message -> subjectOf(message).equals("Review overdue: " + partner.serviceName()))
                .findFirst().orElseThrow();
        assertThat(reminder.getFrom()[0].toString()).isEqualTo("onedoor@localhost");
        assertThat(GreenMailUtil.getBody(reminder)).contains("/directory/services/" + partner.serviceId());
        Map<String, Object> row = outboxRow(reviewer.email());
        assertThat(row.get("status")).isEqualTo("SENT");
        assertThat(row.get("sent_at")).isNotNull();
        assertThat(row.get("attempts")).isEqualTo(1);
    }

    @Test
    void failedAttemptIsKeptAndRetriedLater() throws Exception {
        String recipient = "retry-" + UUID.randomUUID() + "@example.org";
        notifications.mail(recipient, new Notice("Retry test", "Body", null));

        sender.sendDue(senderWithoutServer());

        Map<String, Object> row = outboxRow(recipient);
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat((String) row.get("last_error")).isNotBlank();
        assertThat(((java.sql.Timestamp) row.get("next_attempt_at")).toInstant())
                .isAfter(Instant.now().plusSeconds(30));
    }

    @Test
    void retriedMailIsSentWhenDue() throws Exception {
        String recipient = "later-" + UUID.randomUUID() + "@example.org";
        notifications.mail(recipient, new Notice("Sent on the second attempt", "Body", null));
        sender.sendDue(senderWithoutServer());
        jdbc.sql("UPDATE mail_outbox SET next_attempt_at = now() WHERE recipient = :recipient")
                .param("recipient", recipient).update();

        sender.sendDue(greenMailSender());

        assertThat(receivedBy(recipient)).hasSize(1);
        Map<String, Object> row = outboxRow(recipient);
        assertThat(row.get("status")).isEqualTo("SENT");
        assertThat(row.get("attempts")).isEqualTo(2);
    }

    @Test
    void lastAttemptMarksMailFailed() throws Exception {
        String recipient = "failed-" + UUID.randomUUID() + "@example.org";
        notifications.mail(recipient, new Notice("Never delivered", "Body", null));
        jdbc.sql("UPDATE mail_outbox SET attempts = 7 WHERE recipient = :recipient")
                .param("recipient", recipient).update();

        sender.sendDue(senderWithoutServer());
        jdbc.sql("UPDATE mail_outbox SET next_attempt_at = now() WHERE recipient = :recipient")
                .param("recipient", recipient).update();
        sender.sendDue(greenMailSender());

        Map<String, Object> row = outboxRow(recipient);
        assertThat(row.get("status")).isEqualTo("FAILED");
        assertThat(row.get("attempts")).isEqualTo(8);
        assertThat(receivedBy(recipient)).isEmpty();
    }

    @Test
    void retryDelayDoublesUpToMaximum() {
        MailSettings settings = new MailSettings(null, null, null, null, null, null, null, null, null,
                Duration.ofMinutes(1), Duration.ofMinutes(10), null);

        assertThat(settings.retryDelay(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.retryDelay(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.retryDelay(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(settings.retryDelay(5)).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.retryDelay(60)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void settingsWithoutHostSendNothing() {
        MailSettings blank = new MailSettings(" ", 2525, null, null, null, null, null, null, null, null, null, null);
        MailSettings configured = new MailSettings("127.0.0.1", 2525, "user", "secret", "desk@example.org", false,
                "http://onedoor.example.org/", null, null, null, null, null);

        JavaMailSenderImpl mailSender = configured.createSender();

        assertThat(blank.smtpConfigured()).isFalse();
        assertThat(configured.smtpConfigured()).isTrue();
        assertThat(mailSender.getHost()).isEqualTo("127.0.0.1");
        assertThat(mailSender.getPort()).isEqualTo(2525);
        assertThat(mailSender.getJavaMailProperties()).containsEntry("mail.smtp.auth", "true");
        assertThat(configured.linkBaseUrl()).isEqualTo("http://onedoor.example.org");
        assertThat(configured.toString()).doesNotContain("secret");
    }

    private JavaMailSenderImpl greenMailSender() {
        return new MailSettings("127.0.0.1", greenMail.getSmtp().getPort(), null, null, null, false, null, null,
                null, null, null, Duration.ofSeconds(10)).createSender();
    }

    /** Builds a sender for a loopback port that was free a moment ago, so connecting fails at once. */
    private static JavaMailSenderImpl senderWithoutServer() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        return new MailSettings("127.0.0.1", port, null, null, null, false, null, null, null, null, null,
                Duration.ofSeconds(5)).createSender();
    }

    private List<MimeMessage> receivedBy(String recipient) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(message -> recipientsOf(message).contains(recipient))
                .toList();
    }

    private Map<String, Object> outboxRow(String recipient) {
        return jdbc.sql("SELECT status, attempts, last_error, next_attempt_at, sent_at FROM mail_outbox WHERE recipient = :recipient")
                .param("recipient", recipient)
                .query().singleRow();
    }

    private static String recipientsOf(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
