package org.onedoor.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.referrals.ReferralFixtures.Pair;
import org.onedoor.support.Browser;
import org.onedoor.support.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole referral loop in Chromium between two partners' staff, with axe on every referral page. Staff A refers
 * a business from the services panel. Staff B receives, accepts, records first contact, starts and completes it,
 * and A reads the timeline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReferralBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessRegistry registry;

    @Autowired
    UserAccounts accounts;

    @Test
    void referralLoopBetweenTwoPartners() throws Exception {
        Pair pair = ReferralFixtures.pair(jdbc);
        long serviceId = pair.receiver().serviceId();
        ReferralFixtures.capacity(jdbc, serviceId, 2, 4, 0);
        long businessId = ReferralFixtures.business(registry, jdbc);
        String businessName = jdbc.sql("SELECT legal_name FROM business WHERE id = :id")
                .param("id", businessId).query(String.class).single();
        UserAccount staffA = ReferralFixtures.account(accounts, Role.STAFF, pair.senderPartnerId());
        UserAccount staffB = ReferralFixtures.account(accounts, Role.STAFF, pair.receiver().partnerId());

        try (Browser browser = new Browser(port)) {
            // Staff A refers the business from the services panel.
            browser.signIn(staffA.email(), TestAccounts.PASSWORD);
            browser.open("/businesses/" + businessId + "/services?partner=" + pair.receiver().partnerId());
            WebElement refer = browser.driver.findElement(By.cssSelector(
                    "a[href*='/referrals/new'][href*='service=" + serviceId + "']"));
            browser.assertAccessible();
            refer.click();
            browser.waitFor(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("refer-form")));
            assertThat(browser.driver.findElement(By.id("contact-answered")).getText()).contains("Dana Example");
            browser.assertAccessible();

            browser.driver.findElement(By.cssSelector("#refer-form button[type=submit]")).click();
            browser.waitFor(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("referral-errors")));
            assertThat(browser.driver.findElement(By.id("referral-errors")).getText())
                    .contains("Warm hand-off note", "consent");
            browser.assertAccessible();

            browser.driver.findElement(By.cssSelector("label[for=consentGiven]")).click();
            browser.replace("handOffNote", "Dana is hiring four forklift operators and expects your call.");
            setDate(browser, "expectedFirstContactDate",
                    LocalDate.now(ZoneId.of("America/Indiana/Indianapolis")).plusDays(2));
            browser.driver.findElement(By.cssSelector("#refer-form button[type=submit]")).click();
            browser.waitFor(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
            assertThat(browser.driver.findElement(By.id("referral-status")).getAttribute("data-status"))
                    .isEqualTo("requested");
            browser.assertAccessible();
            long referralId = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/referrals/", ""));

            browser.open("/referrals/sent");
            assertThat(browser.driver.findElement(By.id("sent")).getText()).contains(businessName);
            browser.assertAccessible();

            // Staff B works the referral from the inbox and the referral page.
            browser.signIn(staffB.email(), TestAccounts.PASSWORD);
            browser.open("/referrals/inbox");
            assertThat(browser.driver.findElement(By.id("inbox-row-" + referralId)).getText()).contains(businessName);
            browser.assertAccessible();
            browser.driver.findElement(By.id("receive-" + referralId)).click();
            waitForStatus(browser, "inbox-status-" + referralId, "received");
            browser.driver.findElement(By.id("accept-" + referralId)).click();
            waitForStatus(browser, "inbox-status-" + referralId, "accepted");
            browser.assertAccessible();

            browser.open("/referrals/" + referralId);
            browser.driver.findElement(By.id("action-first-contact")).click();
            browser.waitFor(WAIT).ignoring(StaleElementReferenceException.class).until(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("page-alert"), "first contact"));
            assertThat(browser.driver.findElement(By.id("first-contact")).getText()).doesNotContain("Not recorded");
            browser.driver.findElement(By.id("action-in-progress")).click();
            waitForStatus(browser, "referral-status", "in-progress");
            browser.driver.findElement(By.id("action-completed")).click();
            browser.replace("completed-outcome", "Four operators hired and certified.");
            browser.assertAccessible();
            browser.driver.findElement(By.id("confirm-completed")).click();
            waitForStatus(browser, "referral-status", "completed");
            browser.assertAccessible();

            // Staff A reads the timeline.
            browser.signIn(staffA.email(), TestAccounts.PASSWORD);
            browser.open("/referrals/" + referralId);
            String timeline = browser.driver.findElement(By.id("timeline")).getText();
            assertThat(timeline).contains("Sent (requested)", "Requested to Received", "Received to Accepted",
                    "First contact recorded", "Accepted to In progress", "In progress to Completed",
                    "Four operators hired and certified.");
            browser.assertAccessible();

            browser.open("/businesses/" + businessId);
            browser.waitFor(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("business-referrals")));
            assertThat(browser.driver.findElement(By.id("business-referrals")).getText()).containsIgnoringCase("Completed");
            browser.assertAccessible();

            browser.open("/referrals?status=completed&q=" + businessName.replace(' ', '+'));
            assertThat(browser.driver.findElement(By.id("referral-results")).getText()).contains(businessName);
            browser.assertAccessible();
        }
    }

    @Test
    void waitingListAndInlineDecline() throws Exception {
        Pair pair = ReferralFixtures.pair(jdbc);
        long serviceId = pair.receiver().serviceId();
        ReferralFixtures.capacity(jdbc, serviceId, 0, 4, 0);
        long businessId = ReferralFixtures.business(registry, jdbc);
        UserAccount staffA = ReferralFixtures.account(accounts, Role.STAFF, pair.senderPartnerId());
        UserAccount staffB = ReferralFixtures.account(accounts, Role.STAFF, pair.receiver().partnerId());

        try (Browser browser = new Browser(port)) {
            browser.signIn(staffA.email(), TestAccounts.PASSWORD);
            browser.open("/referrals/new?business=" + businessId + "&service=" + serviceId);
            browser.driver.findElement(By.cssSelector("label[for=consentGiven]")).click();
            browser.replace("handOffNote", "Wants the next cohort.");
            setDate(browser, "expectedFirstContactDate",
                    LocalDate.now(ZoneId.of("America/Indiana/Indianapolis")).plusDays(5));
            browser.driver.findElement(By.cssSelector("#refer-form button[type=submit]")).click();
            browser.waitFor(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("referral-rejection")));
            assertThat(browser.driver.findElement(By.id("referral-rejection")).getAttribute("data-code"))
                    .isEqualTo("no_capacity");
            browser.assertAccessible();

            browser.replace("waiting-note", "Spring cohort, please.");
            browser.driver.findElement(By.xpath("//button[normalize-space()='Add to the waiting list']")).click();
            browser.waitFor(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-alert"),
                    "waiting list"));

            long openService = ReferralFixtures.service(jdbc, pair.receiver().partnerId(), "training", 2, 2);
            HttpResponse<String> sent = ReferralFixtures.post(ReferralFixtures.api(port, staffA), "/api/v1/referrals",
                    ReferralFixtures.complete(businessId, openService, pair.receiver().officeId()));
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
            long referralId = Long.parseLong(sent.headers().firstValue("Location").orElseThrow()
                    .replaceAll(".*/", ""));

            browser.signIn(staffB.email(), TestAccounts.PASSWORD);
            browser.open("/referrals/inbox");
            assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("Spring cohort, please.");
            browser.assertAccessible();

            browser.driver.findElement(By.id("decline-" + referralId)).click();
            new Select(browser.driver.findElement(By.id("decline-reason-" + referralId)))
                    .selectByValue("outside_service_area");
            browser.replace("decline-text-" + referralId, "No worksite in our counties.");
            browser.driver.findElement(By.id("confirm-decline-" + referralId)).click();
            waitForStatus(browser, "inbox-status-" + referralId, "rejected");
            assertThat(browser.driver.findElement(By.id("inbox-row-" + referralId)).getText())
                    .containsIgnoringCase("is now rejected");
            browser.assertAccessible();

            browser.signIn(TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
            browser.open("/referrals/standards");
            browser.assertAccessible();
            browser.open("/referrals/standards/" + pair.receiver().areaId());
            browser.driver.findElement(By.cssSelector("label[for=element-handOffNote]")).click();
            browser.driver.findElement(By.cssSelector("main button[type=submit]")).click();
            browser.waitFor(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-alert"),
                    "5 of 6"));
            browser.assertAccessible();
        }
    }

    /** Waits for the status tag with this id to show the status; htmx may swap the element while the wait polls. */
    private static void waitForStatus(Browser browser, String id, String status) {
        browser.waitFor(WAIT)
                .ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(By.id(id), "data-status", status));
    }

    /** Sets a date input's value directly, because typing into it depends on the browser's locale. */
    private static void setDate(Browser browser, String id, LocalDate date) {
        ((JavascriptExecutor) browser.driver).executeScript("document.getElementById(arguments[0]).value = arguments[1]",
                id, date.toString());
    }
}
