package org.onedoor.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.Browser;
import org.onedoor.support.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Completes, re-opens and updates a needs assessment in Chromium, with axe on each page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AssessmentBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    BusinessRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @Test
    void assessmentPageStartsAndUpdates() throws Exception {
        TestPartner partner = DirectoryFixtures.createPartner(jdbc);
        UserAccount staff = AssessmentFixtures.account(accounts, Role.STAFF, partner.partnerId());
        long businessId = AssessmentFixtures.business(registry);
        jdbc.sql("UPDATE business SET hires_veterans = true WHERE id = :id").param("id", businessId).update();

        try (Browser browser = new Browser(port)) {
            browser.signIn(staff.email(), TestAccounts.PASSWORD);
            browser.open("/businesses/" + businessId);
            browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                    By.id("assessment-summary")));
            assertThat(browser.driver.findElement(By.id("assessment-summary")).getText())
                    .contains("No needs assessment has been completed yet");
            browser.assertAccessible();
            browser.driver.findElement(By.linkText("Start a needs assessment")).click();
            browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                    By.id("start-decision")));
            assertThat(browser.driver.findElement(By.id("start-decision")).getText())
                    .contains("No needs assessment has been completed");
            assertThat(browser.driver.findElement(By.id("answer-hires-veterans")).getText())
                    .contains("Answered in the business profile: Yes");
            browser.assertAccessible();

            browser.replace("answer-expansion-jobs", "lots");
            browser.driver.findElement(By.cssSelector("label[for='answer-hard-to-fill-0']")).click();
            browser.driver.findElement(By.cssSelector("#assessment-form + form button[type=submit], form.usa-form button[type=submit]")).click();
            browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.tagName("main"), "The assessment was not saved"));
            assertThat(browser.driver.findElement(By.id("answer-expansion-jobs-error")).getText())
                    .contains("is not a number");
            browser.assertAccessible();

            browser.replace("answer-expansion-jobs", "12");
            browser.driver.findElement(By.cssSelector("form.usa-form button[type=submit]")).click();
            browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.tagName("main"), "Completed the needs assessment"));
            // Completing leads to the needs page, where the raised needs get their offers.
            assertThat(browser.driver.getCurrentUrl()).endsWith("/businesses/" + businessId + "/needs");
            assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("Find and hire workers");
            browser.assertAccessible();

            browser.open("/businesses/" + businessId + "/assessment");
            assertThat(browser.driver.findElement(By.id("needs-raised")).getText()).contains("Find and hire workers");
            assertThat(browser.driver.findElement(By.id("start-decision")).getText()).contains("Update it instead");
            assertThat(browser.driver.findElement(By.id("assessment-form")).getText())
                    .isEqualTo("Update this assessment");
            browser.assertAccessible();

            browser.driver.findElement(By.cssSelector("label[for='answer-tax-credits-0']")).click();
            browser.driver.findElement(By.cssSelector("form.usa-form button[type=submit]")).click();
            browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                    By.id("assessment-updates")));
            assertThat(browser.driver.findElement(By.tagName("main")).getText())
                    .contains("Updated the needs assessment").contains("Claim hiring tax credits");
            browser.assertAccessible();

            browser.open("/businesses/" + businessId);
            browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                    By.id("assessment-summary")));
            assertThat(browser.driver.findElement(By.id("assessment-summary")).getText())
                    .contains("Valid until").contains("Find and hire workers");
        }
    }

    @Test
    void instrumentEditorPublishesVersion() throws Exception {
        TestPartner partner = DirectoryFixtures.createPartner(jdbc);
        String instrumentPath = "/areas/" + partner.areaId() + "/assessment-instrument";

        try (Browser browser = new Browser(port)) {
            browser.signIn(TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
            browser.open("/admin");
            browser.driver.findElement(By.linkText("Edit the instruments")).click();
            browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                    By.tagName("h1")));
            browser.assertAccessible();

            browser.open(instrumentPath);
            assertThat(browser.driver.findElement(By.tagName("main")).getText())
                    .contains("Version 1, the standard instrument").contains("AVERT_LAYOFF");
            browser.assertAccessible();
            browser.driver.findElement(By.cssSelector("#draft ~ form button[type=submit]")).click();
            browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                    By.id("add-question")));
            browser.driver.findElement(By.id("retire-turnover-percent")).click();
            browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                    By.id("add-question")));
            browser.assertAccessible();

            browser.driver.findElement(By.id("add-question")).click();
            browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
            browser.assertAccessible();
            browser.replace("code", "wants-apprentices");
            browser.replace("text", "Would the business start a Registered Apprenticeship?");
            browser.replace("option-0-needs", "TRAIN_NEW_HIRES, ASTRONAUTS");
            browser.driver.findElement(By.id("save-question")).click();
            browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                    By.id("option-0-needs-error")));
            assertThat(browser.driver.findElement(By.id("option-0-needs-error")).getText()).contains("ASTRONAUTS");
            browser.assertAccessible();

            browser.replace("option-0-needs", "TRAIN_NEW_HIRES");
            browser.driver.findElement(By.id("save-question")).click();
            browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                    By.id("publish-draft")));
            browser.driver.findElement(By.id("publish-draft")).click();
            browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.tagName("main"), "Published version 2"));
            assertThat(browser.driver.findElement(By.tagName("main")).getText())
                    .contains("Would the business start a Registered Apprenticeship?").contains("Retired");
            browser.assertAccessible();
        }
    }
}
