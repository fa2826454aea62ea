package org.onedoor.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.Browser;
import org.onedoor.support.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Opens the rule editor, the business page's services panel and the missing-facts page in Chromium, with axe. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EligibilityBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    BusinessRegistry registry;

    @Autowired
    JdbcClient jdbc;

    private final UserAccounts accounts;

    @Autowired
    EligibilityBrowserTest(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Test
    void ruleEditorIsAccessible() throws Exception {
        TestPartner partner = EligibilityFixtures.partner(jdbc);
        EligibilityFixtures.rules(jdbc, partner.serviceId(), "ALL", "Veterans", "hires_veterans");
        UserAccount admin = EligibilityFixtures.account(accounts, Role.PARTNER_ADMINISTRATOR, partner.partnerId());

        try (Browser browser = new Browser(port)) {
            browser.signIn(admin.email(), TestAccounts.PASSWORD);
            browser.open("/directory/services/" + partner.serviceId());
            browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                    By.id("eligibility-rules")));
            assertThat(browser.driver.findElement(By.id("eligibility-rules")).getText()).contains("Veterans");
            browser.assertAccessible();

            browser.open("/directory/services/" + partner.serviceId() + "/eligibility-rules/edit");
            browser.assertAccessible();

            new Select(browser.driver.findElement(By.id("new-fact"))).selectByValue("hiring_needs");
            new Select(browser.driver.findElement(By.id("new-operator"))).selectByValue("CONTAINS");
            browser.replace("new-values", "ASTRONAUTS");
            browser.driver.findElement(By.cssSelector("main button[type=submit]")).click();
            browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.tagName("main"), "Check the highlighted fields"));
            assertThat(browser.driver.findElement(By.id("new-values-error")).getText()).contains("ASTRONAUTS");
            browser.assertAccessible();
        }
    }

    @Test
    void businessPagePanelAndQuestionsAreAccessible() throws Exception {
        TestPartner partner = EligibilityFixtures.partner(jdbc);
        EligibilityFixtures.rules(jdbc, partner.serviceId(), "ALL", "Employer has announced a layoff",
                "layoff_announced");
        UserAccount staff = EligibilityFixtures.account(accounts, Role.STAFF, partner.partnerId());
        long businessId = EligibilityFixtures.business(registry, "18141");

        try (Browser browser = new Browser(port)) {
            browser.signIn(staff.email(), TestAccounts.PASSWORD);
            browser.open("/businesses/" + businessId);
            By caption = By.cssSelector("#services-panel caption");
            browser.waitFor(Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(caption));
            browser.assertAccessible();

            // The demo area alone has more services than the first page shows, so the panel offers a next page,
            // which htmx swaps in without leaving the business page.
            browser.driver.findElement(By.cssSelector("#services-panel .usa-pagination__next-page")).click();
            browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                    caption, "26 to"));
            assertThat(browser.driver.getCurrentUrl()).endsWith("/businesses/" + businessId);

            new Select(browser.driver.findElement(By.id("services-partner"))).selectByValue(
                    String.valueOf(partner.partnerId()));
            browser.driver.findElement(By.cssSelector("#services-panel button[type=submit]")).click();
            browser.waitFor(Duration.ofSeconds(10)).until(driver -> driver.findElements(
                    By.cssSelector("#services-panel tbody tr")).size() == 1);
            By row = By.cssSelector("[data-capacity-service='" + partner.serviceId() + "']");
            assertThat(browser.driver.findElement(row).getText()).containsIgnoringCase("unknown")
                    .contains("Missing: Layoff or closure announced");

            browser.open("/businesses/" + businessId + "/services/" + partner.serviceId() + "/eligibility");
            browser.assertAccessible();
            new Select(browser.driver.findElement(By.id("question-0"))).selectByValue("yes");
            browser.driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.attributeToBe(
                    By.id("eligibility-result"), "data-eligibility", "ELIGIBLE"));
            browser.assertAccessible();
        }
    }
}
