package org.onedoor.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.Browser;
import org.onedoor.support.TestAccounts;
import org.onedoor.webhooks.internal.WebhookRegistry;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A partner administrator registers a webhook in a real browser, copies the secret shown once, reads the delivery log
 * and resends a delivery. Every page passes axe.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookPagesBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    private Browser browser;

    @BeforeAll
    void startBrowser() throws Exception {
        browser = new Browser(port);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void partnerAdministratorRegistersAndResends() throws Exception {
        TestPartner partner = DirectoryFixtures.createPartner(jdbc);
        TestPartner sender = DirectoryFixtures.createPartner(jdbc);
        String email = "webhook-pages-" + partner.suffix() + "@onedoor.test";
        TestAccounts.ensure(accounts, email, Role.PARTNER_ADMINISTRATOR, partner.partnerId());

        try (TestReceiver receiver = new TestReceiver()) {
            browser.signIn(email, TestAccounts.PASSWORD);
            browser.open("/admin/webhooks");
            assertThat(browser.driver.findElement(By.tagName("h2")).getText()).contains(partner.partnerName());
            browser.assertAccessible();

            browser.replace("url", "ftp://cases.example.org/in");
            browser.driver.findElement(By.cssSelector("form.usa-form--large button[type=submit]")).click();
            browser.waitFor(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("url-error")));
            assertThat(browser.driver.findElement(By.id("url-error")).getText()).contains("http:// or https://");
            assertThat(browser.driver.findElement(By.id("eventTypes-error")).getText()).contains("Event types are missing");
            assertThat(browser.driver.findElement(By.id("url")).getAttribute("aria-describedby")).contains("url-error");
            browser.assertAccessible();

            browser.replace("url", receiver.url());
            browser.driver.findElement(By.cssSelector("label[for=event-0]")).click();
            browser.driver.findElement(By.cssSelector("form.usa-form--large button[type=submit]")).click();
            browser.waitFor(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("issued-secret")));
            assertThat(browser.driver.findElement(By.id("issued-secret")).getAttribute("value"))
                    .startsWith(WebhookRegistry.SECRET_PREFIX);
            browser.assertAccessible();
            long webhookId = jdbc.sql("SELECT id FROM webhook WHERE partner_id = :id").param("id", partner.partnerId())
                    .query(Long.class).single();

            receiver.failNext(1);
            WebhookFixtures.publish(transactions, events, WebhookFixtures.sent(sender.partnerId(), partner.partnerId()));
            assertThat(WebhookFixtures.await(WAIT, () -> receiver.received().size() == 2)).isTrue();
            assertThat(WebhookFixtures.await(WAIT, () -> attempts(webhookId) == 2)).isTrue();

            browser.open("/admin/webhooks/" + webhookId);
            assertThat(browser.driver.findElements(By.id("issued-secret"))).as("the secret is shown once").isEmpty();
            String log = browser.driver.findElement(By.cssSelector("table.usa-table")).getText();
            assertThat(log).contains("referral.sent").contains("HTTP 500").contains("HTTP 200").contains("Delivered");
            browser.assertAccessible();

            browser.driver.findElement(By.cssSelector("table.usa-table button[type=submit]")).click();
            browser.waitFor(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"),
                    "to be sent again"));
            browser.assertAccessible();
            assertThat(WebhookFixtures.await(WAIT, () -> attempts(webhookId) == 3)).isTrue();
            browser.open("/admin/webhooks/" + webhookId);
            assertThat(browser.driver.findElement(By.cssSelector("table.usa-table")).getText()).contains("Resent by");
        }
    }

    @Test
    void administratorListIsAccessible() {
        browser.signIn(TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        browser.open("/admin/webhooks");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Webhooks for partner systems");
        browser.assertAccessible();
        browser.open("/admin");
        browser.assertAccessible();
    }

    private int attempts(long webhookId) {
        return jdbc.sql("""
                        SELECT count(*) FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id
                        WHERE d.webhook_id = :id""")
                .param("id", webhookId).query(Integer.class).single();
    }
}
