package org.onedoor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.notifications.Notice;
import org.onedoor.notifications.Notifications;
import org.onedoor.support.Browser;
import org.onedoor.support.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The accuracy pages in headless Chromium as the first administrator: a service flagged for review, the
 * notifications page and the outbox, each checked with axe against WCAG 2.1 level AA.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccuracyBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Notifications notifications;

    Browser browser;
    TestPartner partner;
    UserAccount administrator;

    @BeforeEach
    void startBrowser() throws Exception {
        partner = DirectoryFixtures.createPartner(jdbc);
        administrator = accounts.list(null).stream()
                .filter(account -> account.email().equals(TestAccounts.ADMIN_EMAIL))
                .findFirst().orElseThrow();
        browser = new Browser(port);
        browser.signIn(TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
    }

    @AfterEach
    void stopBrowser() {
        browser.close();
    }

    @Test
    void flaggedServiceIsVerifiedInBrowser() {
        jdbc.sql("""
                        UPDATE service SET last_verified_at = now() - interval '120 days',
                                           last_verified_by = 'Browser test'
                        WHERE id = :id""")
                .param("id", partner.serviceId()).update();

        browser.open("/directory/services/" + partner.serviceId());
        String flagged = browser.driver.findElement(By.tagName("main")).getText();
        assertThat(flagged).contains("Review overdue since").contains("by Browser test");
        browser.assertAccessible();

        browser.driver.findElement(By.xpath("//button[contains(., 'Mark as verified')]")).click();
        browser.waitFor(Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("main"), "as verified on"));
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).doesNotContain("Review overdue");
        browser.assertAccessible();
    }

    @Test
    void notificationsPageMarksReadAndPassesAxe() {
        String subject = "Review overdue: " + partner.serviceName();
        notifications.notifyUsers(List.of(administrator.id()), new Notice(subject,
                "The directory entry was due for review.\nCheck it and mark it verified.",
                "/directory/services/" + partner.serviceId()));

        browser.open("/directory");
        assertThat(browser.driver.findElement(By.id("notifications-link")).getAttribute("textContent")).contains("unread");
        browser.driver.findElement(By.id("notifications-link")).click();
        browser.waitFor(Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/notifications"));
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains(subject);
        browser.assertAccessible();

        browser.driver.findElement(By.xpath("//button[contains(., 'Mark all as read')]")).click();
        browser.waitFor(Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("main"), "as read."));
        assertThat(browser.driver.findElement(By.id("notifications-link")).getAttribute("textContent")).doesNotContain("unread");
        browser.assertAccessible();
    }

    @Test
    void outboxPagePassesAxe() {
        notifications.mail("desk-" + partner.suffix() + "@example.org", new Notice("Outbox in a browser",
                "Waiting for an SMTP server.", "/directory/services/" + partner.serviceId()));

        browser.open("/admin/outbox");

        assertThat(browser.driver.findElement(By.tagName("main")).getText())
                .contains("No SMTP server is set").contains("Outbox in a browser");
        browser.driver.findElement(By.xpath("//summary[contains(., 'Outbox in a browser')]")).click();
        browser.assertAccessible();
        browser.open("/admin");
        browser.assertAccessible();
    }
}
