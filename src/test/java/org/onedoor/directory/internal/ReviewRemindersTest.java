package org.onedoor.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * The reminders about overdue reviews on the real database: one reminder per overdue period, whether the job runs
 * once, twice or twice at the same time, with a notification and mail to the right people.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReviewRemindersTest {

    @Autowired
    ReviewReminders reminders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ScheduledTaskHolder scheduledTasks;

    TestPartner partner;
    UserAccount partnerAdministrator;

    @BeforeEach
    void setUp() {
        partner = DirectoryFixtures.createPartner(jdbc);
        partnerAdministrator = TestAccounts.ensure(accounts, "reviewer-" + partner.suffix() + "@onedoor.test",
                Role.PARTNER_ADMINISTRATOR, partner.partnerId());
    }

    @Test
    void overdueServiceGetsOneReminder() {
        verifiedDaysAgo(partner.serviceId(), 100);

        reminders.sendDue();
        reminders.sendDue();

        assertThat(reminderCount(partner.serviceId())).isEqualTo(1);
        assertThat(notificationCount(partnerAdministrator.id(), partner.serviceId())).isEqualTo(1);
        assertThat(mailCount(partnerAdministrator.email(), partner.serviceName())).isEqualTo(1);
    }

    @Test
    void reminderNamesServiceAndLastVerification() {
        verifiedDaysAgo(partner.serviceId(), 100);

        reminders.sendDue();

        var notification = jdbc.sql("SELECT subject, body, link FROM notification WHERE user_id = :userId")
                .param("userId", partnerAdministrator.id())
                .query().singleRow();
        assertThat(notification.get("subject")).isEqualTo("Review overdue: " + partner.serviceName());
        assertThat((String) notification.get("body")).contains("was due for review on")
                .contains("by Reminder test").contains("Mark as verified");
        assertThat(notification.get("link")).isEqualTo("/directory/services/" + partner.serviceId());
        String mailBody = jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = :recipient")
                .param("recipient", partnerAdministrator.email())
                .query(String.class).single();
        assertThat(mailBody).contains("/directory/services/" + partner.serviceId());
    }

    @Test
    void concurrentRunsSendOneReminder() throws Exception {
        verifiedDaysAgo(partner.serviceId(), 120);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> run = () -> {
            start.await();
            return reminders.sendDue();
        };

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = new ArrayList<>();
        try {
            runs.add(pool.submit(run));
            runs.add(pool.submit(run));
            start.countDown();
            for (Future<Integer> future : runs) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(reminderCount(partner.serviceId())).isEqualTo(1);
        assertThat(notificationCount(partnerAdministrator.id(), partner.serviceId())).isEqualTo(1);
        assertThat(mailCount(partnerAdministrator.email(), partner.serviceName())).isEqualTo(1);
    }

    @Test
    void newOverduePeriodGetsNewReminder() {
        verifiedDaysAgo(partner.serviceId(), 200);
        reminders.sendDue();

        verifiedDaysAgo(partner.serviceId(), 95);
        reminders.sendDue();
        reminders.sendDue();

        assertThat(reminderCount(partner.serviceId())).isEqualTo(2);
        assertThat(notificationCount(partnerAdministrator.id(), partner.serviceId())).isEqualTo(2);
    }

    @Test
    void currentServiceGetsNoReminder() {
        verifiedDaysAgo(partner.serviceId(), 10);

        reminders.sendDue();

        assertThat(reminderCount(partner.serviceId())).isZero();
        assertThat(notificationCount(partnerAdministrator.id(), partner.serviceId())).isZero();
    }

    @Test
    void inactiveServiceGetsNoReminder() {
        verifiedDaysAgo(partner.serviceId(), 100);
        jdbc.sql("UPDATE service SET active = false WHERE id = :id").param("id", partner.serviceId()).update();

        reminders.sendDue();

        assertThat(reminderCount(partner.serviceId())).isZero();
    }

    @Test
    void neverVerifiedServiceIsDueAfterCreation() {
        jdbc.sql("UPDATE service SET created_at = now() - interval '91 days' WHERE id = :id")
                .param("id", partner.serviceId()).update();

        reminders.sendDue();

        assertThat(reminderCount(partner.serviceId())).isEqualTo(1);
        String body = jdbc.sql("SELECT body FROM notification WHERE user_id = :userId")
                .param("userId", partnerAdministrator.id())
                .query(String.class).single();
        assertThat(body).contains("It has never been verified.");
    }

    @Test
    void contactAddressGetsMailToo() {
        verifiedDaysAgo(partner.serviceId(), 100);
        String contact = "Team-" + partner.suffix() + "@Example.org";
        jdbc.sql("UPDATE service SET contact_email = :email WHERE id = :id")
                .param("email", contact).param("id", partner.serviceId()).update();

        reminders.sendDue();

        assertThat(mailCount(contact.toLowerCase(), partner.serviceName())).isEqualTo(1);
        String recipients = jdbc.sql("SELECT recipients FROM service_review_reminder WHERE service_id = :id")
                .param("id", partner.serviceId()).query(String.class).single();
        assertThat(recipients).contains(contact.toLowerCase()).contains(partnerAdministrator.email());
    }

    @Test
    void invalidContactAddressIsSkipped() {
        verifiedDaysAgo(partner.serviceId(), 100);
        jdbc.sql("UPDATE service SET contact_email = 'front desk' WHERE id = :id")
                .param("id", partner.serviceId()).update();

        reminders.sendDue();

        assertThat(reminderCount(partner.serviceId())).isEqualTo(1);
        assertThat(mailCount(partnerAdministrator.email(), partner.serviceName())).isEqualTo(1);
        assertThat(mailCount("front desk", partner.serviceName())).isZero();
    }

    @Test
    void failedReminderIsRetriedWithoutBlockingOthers() {
        TestPartner broken = DirectoryFixtures.createPartner(jdbc);
        verifiedDaysAgo(broken.serviceId(), 100);
        verifiedDaysAgo(partner.serviceId(), 100);
        // An office time zone that java.time does not know makes formatting the reminder fail.
        setOfficeTimeZone(broken.officeId(), "Not/A_Zone");
        try {
            reminders.sendDue();

            assertThat(reminderCount(broken.serviceId())).isZero();
            assertThat(reminderCount(partner.serviceId())).isEqualTo(1);
        } finally {
            setOfficeTimeZone(broken.officeId(), "America/Indiana/Indianapolis");
        }

        reminders.sendDue();

        assertThat(reminderCount(broken.serviceId())).isEqualTo(1);
    }

    @Test
    void partnerWithoutAdministratorsRemindsAdministrators() {
        TestPartner other = DirectoryFixtures.createPartner(jdbc);
        verifiedDaysAgo(other.serviceId(), 100);

        reminders.sendDue();

        long administratorNotifications = jdbc.sql("""
                        SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id
                        WHERE u.role = 'ADMINISTRATOR' AND n.link = :link""")
                .param("link", "/directory/services/" + other.serviceId())
                .query(Long.class).single();
        assertThat(administratorNotifications).isGreaterThanOrEqualTo(1);
        assertThat(mailCount(TestAccounts.ADMIN_EMAIL, other.serviceName())).isEqualTo(1);
    }

    @Test
    void jobRunsAfterStartAndDaily() {
        FixedDelayTask task = scheduledTasks.getScheduledTasks().stream()
                .map(ScheduledTask::getTask)
                .filter(FixedDelayTask.class::isInstance)
                .map(FixedDelayTask.class::cast)
                .filter(candidate -> candidate.getRunnable().toString().contains("ReviewReminders.sendScheduled"))
                .findFirst().orElseThrow();

        assertThat(task.getInitialDelayDuration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofHours(24));
    }

    private void verifiedDaysAgo(long serviceId, int days) {
        jdbc.sql("""
                        UPDATE service SET last_verified_at = now() - make_interval(days => :days),
                                           last_verified_by = 'Reminder test'
                        WHERE id = :id""")
                .param("days", days)
                .param("id", serviceId)
                .update();
    }

    private void setOfficeTimeZone(long officeId, String timeZone) {
        jdbc.sql("UPDATE office SET time_zone = :zone WHERE id = :id").param("zone", timeZone).param("id", officeId).update();
    }

    private long reminderCount(long serviceId) {
        return jdbc.sql("SELECT count(*) FROM service_review_reminder WHERE service_id = :id")
                .param("id", serviceId).query(Long.class).single();
    }

    private long notificationCount(long userId, long serviceId) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :userId AND link = :link")
                .param("userId", userId)
                .param("link", "/directory/services/" + serviceId)
                .query(Long.class).single();
    }

    private long mailCount(String recipient, String serviceName) {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :recipient AND subject = :subject")
                .param("recipient", recipient.toLowerCase())
                .param("subject", "Review overdue: " + serviceName)
                .query(Long.class).single();
    }
}
