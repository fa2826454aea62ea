package org.onedoor.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.notifications.Notice;
import org.onedoor.notifications.Notifications;
import org.onedoor.support.TestAccounts;
import org.onedoor.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notifications page, the unread count in the page header and the administrators' outbox page, over HTTP
 * with real accounts. The test context has no SMTP host, so mail stays in the outbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate transactions;

    TestPartner partner;
    UserAccount staff;
    WebSession session;

    @BeforeEach
    void setUp() {
        partner = DirectoryFixtures.createPartner(jdbc);
        staff = TestAccounts.ensure(accounts, "inbox-" + partner.suffix() + "@onedoor.test", Role.STAFF,
                partner.partnerId());
        session = WebSession.signIn(port, staff.email(), TestAccounts.PASSWORD);
    }

    @Test
    void headerCountsUnreadNotifications() {
        notifications.notifyUsers(List.of(staff.id()), new Notice("First " + partner.suffix(), "One", null));
        notifications.notifyUsers(List.of(staff.id()), new Notice("Second " + partner.suffix(), "Two", "/directory"));

        String page = session.get("/directory").body();

        assertThat(page).contains("Notifications <span").contains(">2</span>").contains(" unread");
    }

    @Test
    void pageListsOwnNotificationsWithLinks() {
        notifications.notifyUsers(List.of(staff.id()), new Notice("Check " + partner.serviceName(),
                "Line one\nLine two", "/directory/services/" + partner.serviceId()));

        String page = session.get("/notifications").body();

        assertThat(page).contains("Check " + partner.serviceName());
        assertThat(page).contains("href=\"/directory/services/" + partner.serviceId() + "\"");
        assertThat(page).contains("Unread").contains("Mark as read");
    }

    @Test
    void markReadClearsCount() {
        notifications.notifyUsers(List.of(staff.id()), new Notice("Read me " + partner.suffix(), "", null));
        long id = notificationId("Read me " + partner.suffix());

        HttpResponse<String> marked = session.postForm("/notifications", "/notifications/" + id + "/read", Map.of());

        assertThat(marked.statusCode()).isEqualTo(302);
        assertThat(notifications.unreadCount(staff.id())).isZero();
        assertThat(session.get("/notifications").body()).contains("Marked the notification as read.")
                .doesNotContain(">Unread<");
    }

    @Test
    void markAllReadClearsEveryNotification() {
        notifications.notifyUsers(List.of(staff.id()), new Notice("One of two", "", null));
        notifications.notifyUsers(List.of(staff.id()), new Notice("Two of two", "", null));

        HttpResponse<String> marked = session.postForm("/notifications", "/notifications/read-all", Map.of());

        assertThat(marked.statusCode()).isEqualTo(302);
        assertThat(notifications.unreadCount(staff.id())).isZero();
    }

    @Test
    void othersNotificationCannotBeMarked() {
        UserAccount colleague = TestAccounts.ensure(accounts, "colleague-" + partner.suffix() + "@onedoor.test",
                Role.STAFF, partner.partnerId());
        notifications.notifyUsers(List.of(colleague.id()), new Notice("Private " + partner.suffix(), "", null));
        long id = notificationId("Private " + partner.suffix());

        HttpResponse<String> marked = session.postForm("/notifications", "/notifications/" + id + "/read", Map.of());

        assertThat(marked.statusCode()).isEqualTo(404);
        assertThat(notifications.unreadCount(colleague.id())).isEqualTo(1);
        assertThat(session.get("/notifications").body()).doesNotContain("Private " + partner.suffix());
    }

    @Test
    void partnerStaffAndAdministratorsAreNotified() {
        UserAccount partnerAdministrator = TestAccounts.ensure(accounts, "team-admin-" + partner.suffix()
                + "@onedoor.test", Role.PARTNER_ADMINISTRATOR, partner.partnerId());
        String subject = "Referral for the team " + partner.suffix();

        var mailed = notifications.notifyPartnerStaff(partner.partnerId(), new Notice(subject, "", null));
        var administratorsOnly = notifications.notifyPartnerAdministrators(partner.partnerId(),
                new Notice("Administrators only " + partner.suffix(), "", null));

        assertThat(mailed).containsExactlyInAnyOrder(staff.email(), partnerAdministrator.email());
        assertThat(administratorsOnly).containsExactly(partnerAdministrator.email());
        assertThat(notifications.unreadCount(staff.id())).isEqualTo(1);
        assertThat(notifications.unreadCount(partnerAdministrator.id())).isEqualTo(2);
    }

    @Test
    void rolledBackChangeLeavesNoNotificationOrMail() {
        String subject = "Rolled back " + partner.suffix();

        try {
            transactions.executeWithoutResult(status -> {
                notifications.notifyUsers(List.of(staff.id()), new Notice(subject, "", null));
                throw new IllegalStateException("The caller's change failed");
            });
        } catch (IllegalStateException expected) {
            // The caller's transaction rolls back, and the notice with it.
        }

        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE subject = :subject").param("subject", subject)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE subject = :subject").param("subject", subject)
                .query(Long.class).single()).isZero();
    }

    @Test
    void outboxShowsMailAndMissingSmtpServer() {
        String recipient = "outbox-" + UUID.randomUUID() + "@example.org";
        notifications.mail(recipient, new Notice("Outbox page test", "Waiting for a server",
                "/directory/services/" + partner.serviceId()));
        WebSession administrator = WebSession.signIn(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);

        HttpResponse<String> page = administrator.get("/admin/outbox");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("No SMTP server is set: OneDoor sends no mail").contains("ONEDOOR_SMTP_HOST");
        assertThat(page.body()).contains(recipient).contains("Outbox page test").contains("Waiting for a server");
        assertThat(page.body()).contains("http://localhost:").contains("/directory/services/" + partner.serviceId());
    }

    @Test
    void outboxIsForAdministratorsOnly() {
        UserAccount partnerAdministrator = TestAccounts.ensure(accounts, "outbox-admin-" + partner.suffix()
                + "@onedoor.test", Role.PARTNER_ADMINISTRATOR, partner.partnerId());
        WebSession partnerSession = WebSession.signIn(port, partnerAdministrator.email(), TestAccounts.PASSWORD);

        assertThat(partnerSession.get("/admin/outbox").statusCode()).isEqualTo(403);
        assertThat(session.get("/admin/outbox").statusCode()).isEqualTo(403);
    }

    private long notificationId(String subject) {
        return jdbc.sql("SELECT id FROM notification WHERE subject = :subject").param("subject", subject)
                .query(Long.class).single();
    }
}
