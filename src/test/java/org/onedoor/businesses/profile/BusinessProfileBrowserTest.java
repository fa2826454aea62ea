package org.onedoor.businesses.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.Browser;
import org.onedoor.support.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Opens the business page and the partner field page in Chromium and checks them with axe. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BusinessProfileBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    BusinessRegistry registry;

    private final UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessProfileBrowserTest(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Test
    void businessPageIsAccessibleAndRevealsSources() throws Exception {
        long partnerId = ProfileFixtures.partner(jdbc, "Browser test partner " + ProfileFixtures.uniqueWord());
        UserAccount admin = ProfileFixtures.account(accounts, Role.PARTNER_ADMINISTRATOR, partnerId);
        long businessId = ProfileFixtures.importedBusiness(registry, ProfileFixtures.uniqueWord());
        ProfileFixtures.post(ProfileFixtures.api(port, admin), "/api/v1/partner-fields", """
                {"partnerId": %d, "name": "Placement notes", "type": "TEXT", "visibility": "CONFIDENTIAL",
                 "required": true}
                """.formatted(partnerId));

        try (Browser browser = new Browser(port)) {
            browser.signIn(admin.email(), TestAccounts.PASSWORD);
            browser.open("/businesses/" + businessId);
            browser.assertAccessible();

            WebElement show = browser.driver.findElement(By.cssSelector("#profile ~ table .usa-accordion__button"));
            String panel = show.getAttribute("aria-controls");
            show.click();
            browser.waitFor(Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(By.id(panel)));
            assertThat(browser.driver.findElement(By.id(panel)).getText()).contains("import row");
            assertThat(show.getAttribute("aria-expanded")).isEqualTo("true");

            browser.open("/businesses/" + businessId + "?correct=naicsCode");
            browser.assertAccessible();
        }
    }

    @Test
    void partnerFieldPageIsAccessible() throws Exception {
        long partnerId = ProfileFixtures.partner(jdbc, "Browser fields partner " + ProfileFixtures.uniqueWord());
        UserAccount admin = ProfileFixtures.account(accounts, Role.PARTNER_ADMINISTRATOR, partnerId);

        try (Browser browser = new Browser(port)) {
            browser.signIn(admin.email(), TestAccounts.PASSWORD);
            browser.open("/admin/partner-fields");
            browser.assertAccessible();

            browser.replace("name", "Job fair interest");
            browser.driver.findElement(By.cssSelector("label[for=visibility-SHARED]")).click();
            browser.driver.findElement(By.cssSelector("main button[type=submit]")).click();
            browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.tagName("main"), "Defined the field Job fair interest"));
            browser.assertAccessible();

            browser.replace("name", "");
            browser.driver.findElement(By.cssSelector("main button[type=submit]")).click();
            browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.tagName("main"), "Check the highlighted fields"));
            browser.assertAccessible();
        }
    }
}
