package org.onedoor.referrals.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onedoor.calendar.AlabamaFixtures;
import org.onedoor.calendar.AlabamaFixtures.AlabamaArea;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.notifications.internal.MailSettings;
import org.onedoor.notifications.internal.OutboxSender;
import org.onedoor.referrals.ReferralEvent;
import org.onedoor.referrals.ReferralEvent.Kind;
import org.onedoor.referrals.ReferralStatus;
import org.onedoor.support.TestAccounts;
import org.onedoor.timers.Timer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Referral deadlines driven by {@link ReferralEvent}s, published here inside a transaction as the referrals flow
 * publishes them. The sender works in Phenix City AL (Eastern time) and the receiving partner in Montgomery AL
 * (Central time), so each reader's alert shows the due time in a different zone.
 */
@SpringBootTest
class ReferralDeadlinesTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ReferralDeadlines deadlines;

    @Autowired
    DeadlineTimerHandler handler;

    @Autowired
    UserAccounts accounts;

    @Autowired
    OutboxSender outboxSender;

    @Autowired
    JdbcClient jdbc;

    AlabamaArea area;
    UserAccount sender;
    UserAccount administratorWithOffice;
    UserAccount administratorWithoutOffice;
    long referralId;

    @BeforeEach
    void createPeople() {
        area = AlabamaFixtures.create(jdbc);
        sender = TestAccounts.ensure(accounts, "sender-" + area.suffix() + "@onedoor.test", Role.STAFF,
                area.sendingPartnerId());
        accounts.changeOffice(sender.id(), area.phenixCityOfficeId());
        administratorWithOffice = TestAccounts.ensure(accounts, "receiver-admin-" + area.suffix() + "@onedoor.test",
                Role.PARTNER_ADMINISTRATOR, area.receivingPartnerId());
        accounts.changeOffice(administratorWithOffice.id(), area.montgomeryOfficeId());
        administratorWithoutOffice = TestAccounts.ensure(accounts, "receiver-admin2-" + area.suffix() + "@onedoor.test",
                Role.PARTNER_ADMINISTRATOR, area.receivingPartnerId());
        referralId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    }

    private ReferralEvent event(Kind kind, ReferralStatus status, ReferralStatus previous, Instant at) {
        return new ReferralEvent(referralId, kind, status, previous, 1L, area.serviceId(), "hiring",
                area.sendingPartnerId(), area.receivingPartnerId(), area.montgomeryOfficeId(), sender.id(),
                sender.id(), at);
    }

    private void publish(ReferralEvent... published) {
        transactions.executeWithoutResult(status -> Arrays.stream(published).forEach(events::publishEvent));
    }

    @Test
    void sentStoresDueTimesInUtc() {
        jdbc.sql("UPDATE service SET response_days = 3 WHERE id = :id").param("id", area.serviceId()).update();

        // Friday, March 12, 2027 at 10 AM Central; clocks move forward on Sunday, March 14.
        publish(event(Kind.SENT, ReferralStatus.REQUESTED, null, Instant.parse("2027-03-12T16:00:00Z")));

        List<ReferralDeadline> stored = deadlines.of(referralId);
        assertThat(stored).extracting(ReferralDeadline::kind).containsExactly(DeadlineKind.RESPONSE, DeadlineKind.FIRST_CONTACT);
        assertThat(stored.get(0).dueAt()).as("Wednesday, March 17 at 5 PM CDT").isEqualTo(Instant.parse("2027-03-17T22:00:00Z"));
        assertThat(stored.get(0).businessDays()).isEqualTo(3);
        assertThat(stored.get(1).dueAt()).as("Friday, March 19 at 5 PM CDT").isEqualTo(Instant.parse("2027-03-19T22:00:00Z"));
        assertThat(stored.get(1).timeZone()).isEqualTo(AlabamaFixtures.CENTRAL);
        assertThat(stored.get(0).stateAt(Instant.parse("2027-03-17T21:59:59Z"))).isEqualTo(ReferralDeadline.State.OPEN);
        assertThat(stored.get(0).stateAt(Instant.parse("2027-03-17T22:00:01Z"))).isEqualTo(ReferralDeadline.State.OVERDUE);
        assertThat(timer(DeadlineKind.RESPONSE, DeadlineTimer.Stage.OWNER))
                .containsEntry("status", "PENDING")
                .containsEntry("due_at", java.sql.Timestamp.from(Instant.parse("2027-03-17T22:00:00Z")));
    }

    @Test
    void repeatedSentChangesNothing() {
        publish(event(Kind.SENT, ReferralStatus.REQUESTED, null, Instant.parse("2027-03-12T16:00:00Z")));
        publish(event(Kind.SENT, ReferralStatus.REQUESTED, null, Instant.parse("2027-03-15T16:00:00Z")));

        assertThat(deadlines.of(referralId).get(0).dueAt()).isEqualTo(Instant.parse("2027-03-16T22:00:00Z"));
    }

    @Test
    void overdueAlertsOwnerThenAdministrators() throws Exception {
        // Friday, October 31, 2025. Two business days later is Tuesday, November 4, after clocks moved back on
        // Sunday, November 2: 5 PM CST, which is 6 PM EST in Phenix City. First contact is made at once, so only
        // the response deadline passes.
        Instant sentAt = Instant.parse("2025-10-31T15:00:00Z");
        publish(event(Kind.SENT, ReferralStatus.REQUESTED, null, sentAt),
                event(Kind.FIRST_CONTACT_RECORDED, ReferralStatus.REQUESTED, ReferralStatus.REQUESTED, sentAt.plusSeconds(60)));

        awaitTrue(() -> deadlines.of(referralId).get(0).escalatedAt() != null);

        ReferralDeadline response = deadlines.of(referralId).get(0);
        assertThat(response.dueAt()).isEqualTo(Instant.parse("2025-11-04T23:00:00Z"));
        assertThat(response.ownerAlertedAt()).isNotNull();
        assertThat(deadlines.of(referralId).get(1).metAt()).isEqualTo(sentAt.plusSeconds(60));
        assertThat(timer(DeadlineKind.RESPONSE, DeadlineTimer.Stage.ESCALATION))
                .as("one business day after the due time")
                .containsEntry("due_at", java.sql.Timestamp.from(Instant.parse("2025-11-05T23:00:00Z")))
                .containsEntry("status", "FIRED");
        assertThat(timer(DeadlineKind.FIRST_CONTACT, DeadlineTimer.Stage.OWNER)).containsEntry("status", "CANCELLED");

        String subject = "Referral " + referralId + " is past its response deadline";
        assertThat(notifications(sender.id())).containsExactly(subject);
        assertThat(notifications(administratorWithOffice.id())).containsExactly(subject);
        assertThat(notifications(administratorWithoutOffice.id())).containsExactly(subject);
        assertThat(notificationBody(sender.id())).contains("by Tue, Nov 4, 2025, 6:00 PM EST");
        assertThat(notificationBody(administratorWithOffice.id())).contains("by Tue, Nov 4, 2025, 5:00 PM CST");
        assertThat(notificationBody(administratorWithoutOffice.id()))
                .as("the partner's first office is in Montgomery").contains("by Tue, Nov 4, 2025, 5:00 PM CST");

        outboxSender.sendDue(greenMailSender());

        assertThat(mailBody(sender.email(), subject)).contains("6:00 PM EST").contains("/referrals/" + referralId);
        assertThat(mailBody(administratorWithOffice.email(), subject)).contains("5:00 PM CST");
        assertThat(mailBody(administratorWithoutOffice.email(), subject)).contains("5:00 PM CST");
    }

    @Test
    void metDeadlinesSendNothing() throws InterruptedException {
        Instant sentAt = Instant.parse("2025-10-31T15:00:00Z");
        publish(event(Kind.SENT, ReferralStatus.REQUESTED, null, sentAt),
                event(Kind.STATUS_CHANGED, ReferralStatus.ACCEPTED, ReferralStatus.REQUESTED, sentAt.plusSeconds(60)),
                event(Kind.FIRST_CONTACT_RECORDED, ReferralStatus.ACCEPTED, ReferralStatus.ACCEPTED, sentAt.plusSeconds(120)));

        // Several poll intervals of the timers.
        Thread.sleep(1_500);

        assertThat(deadlines.of(referralId)).extracting(deadline -> deadline.stateAt(Instant.now()))
                .containsExactly(ReferralDeadline.State.MET, ReferralDeadline.State.MET);
        assertThat(timer(DeadlineKind.RESPONSE, DeadlineTimer.Stage.OWNER)).containsEntry("status", "CANCELLED");
        assertThat(timer(DeadlineKind.FIRST_CONTACT, DeadlineTimer.Stage.OWNER)).containsEntry("status", "CANCELLED");
        assertThat(notifications(sender.id())).isEmpty();
        assertThat(notifications(administratorWithOffice.id())).isEmpty();
    }

    @Test
    void metBeforeTimerFiresSendsNothing() {
        publish(event(Kind.SENT, ReferralStatus.REQUESTED, null, Instant.parse("2027-03-12T16:00:00Z")),
                event(Kind.STATUS_CHANGED, ReferralStatus.REJECTED, ReferralStatus.REQUESTED, Instant.parse("2027-03-12T17:00:00Z")));
        DeadlineTimer stage = new DeadlineTimer(referralId, DeadlineKind.RESPONSE, DeadlineTimer.Stage.OWNER);

        // As if the timer had been claimed just before the referral was rejected.
        transactions.executeWithoutResult(status -> handler.handle(
                new Timer(0, DeadlineTimer.KIND, stage.key(), Instant.parse("2027-03-16T22:00:00Z"), stage.payload(), 0)));

        assertThat(notifications(sender.id())).isEmpty();
        assertThat(deadlines.of(referralId).get(0).ownerAlertedAt()).isNull();
    }

    @Test
    void cancelledReferralClosesDeadlines() throws InterruptedException {
        Instant sentAt = Instant.parse("2025-10-31T15:00:00Z");
        publish(event(Kind.SENT, ReferralStatus.REQUESTED, null, sentAt),
                event(Kind.STATUS_CHANGED, ReferralStatus.CANCELLED, ReferralStatus.REQUESTED, sentAt.plusSeconds(60)));

        Thread.sleep(1_500);

        assertThat(deadlines.of(referralId)).allSatisfy(deadline -> {
            assertThat(deadline.metAt()).isNull();
            assertThat(deadline.closedAt()).isEqualTo(sentAt.plusSeconds(60));
        });
        assertThat(timer(DeadlineKind.RESPONSE, DeadlineTimer.Stage.OWNER)).containsEntry("status", "CANCELLED");
        assertThat(timer(DeadlineKind.FIRST_CONTACT, DeadlineTimer.Stage.OWNER)).containsEntry("status", "CANCELLED");
        assertThat(notifications(sender.id())).isEmpty();
    }

    private Map<String, Object> timer(DeadlineKind kind, DeadlineTimer.Stage stage) {
        return jdbc.sql("SELECT status, due_at FROM timer WHERE timer_key = :key")
                .param("key", new DeadlineTimer(referralId, kind, stage).key())
                .query().singleRow();
    }

    private List<String> notifications(long userId) {
        return jdbc.sql("SELECT subject FROM notification WHERE user_id = :userId ORDER BY id")
                .param("userId", userId).query(String.class).list();
    }

    private String notificationBody(long userId) {
        return jdbc.sql("SELECT body FROM notification WHERE user_id = :userId ORDER BY id LIMIT 1")
                .param("userId", userId).query(String.class).single();
    }

    private static String mailBody(String recipient, String subject) throws MessagingException {
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            if (Arrays.toString(message.getAllRecipients()).contains(recipient) && subject.equals(message.getSubject())) {
                return GreenMailUtil.getBody(message);
            }
        }
        throw new AssertionError("No mail '" + subject + "' to " + recipient);
    }

    private static JavaMailSenderImpl greenMailSender() {
        return new MailSettings("127.0.0.1", greenMail.getSmtp().getPort(), null, null, null, false, null, null,
                null, null, null, Duration.ofSeconds(10)).createSender();
    }

    private static void awaitTrue(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition within %s", WAIT).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
