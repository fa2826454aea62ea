package org.onedoor.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.engagement.internal.AccountManagers;
import org.onedoor.engagement.internal.AccountManagers.Assignment;
import org.onedoor.identity.CurrentUser;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.Browser;
import org.onedoor.support.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A second partner plans a visit in the same week as the account manager's own visit and is routed to the account
 * manager, who combines the two. Every page on the way is checked with axe.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngagementBrowserTest {

    private static final ZoneId INDIANA = ZoneId.of("America/Indiana/Indianapolis");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessRegistry registry;

    @Autowired
    UserAccounts accounts;

    @Autowired
    AccountManagers accountManagers;

    @Autowired
    Engagement engagement;

    @Test
    void secondPartnerVisitIsRoutedToAccountManager() throws Exception {
        TestPartner jobCenter = DirectoryFixtures.createPartner(jdbc);
        TestPartner college = DirectoryFixtures.createPartner(jdbc);
        UserAccount manager = EngagementFixtures.account(accounts, Role.STAFF, jobCenter.partnerId());
        UserAccount collegeStaff = EngagementFixtures.account(accounts, Role.STAFF, college.partnerId());
        long businessId = EngagementFixtures.business(registry);
        EngagementFixtures.contactPerson(jdbc, businessId, "Dana Whitfield");
        UserAccount admin = accounts.list(null).stream()
                .filter(account -> account.email().equalsIgnoreCase(TestAccounts.ADMIN_EMAIL))
                .findFirst()
                .orElseThrow();
        accountManagers.assign(businessId, new Assignment(manager.id(), null, "Largest employer", false),
                asCurrentUser(admin));
        LocalDate monday = LocalDate.now(INDIANA).plusWeeks(1).with(java.time.DayOfWeek.MONDAY);
        engagement.recordContact(businessId, new NewContact(ContactKind.VISIT, ContactPurpose.SALES_VISIT,
                ContactStatus.PLANNED, "Quarterly visit", null, monday + "T10:00", null, null, false),
                asCurrentUser(manager));

        try (Browser browser = new Browser(port)) {
            browser.signIn(collegeStaff.email(), TestAccounts.PASSWORD);
            browser.open("/businesses/" + businessId);
            browser.waitFor(Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(
                    By.id("account-manager-name")));
            assertThat(browser.driver.findElement(By.id("account-manager-name")).getText())
                    .contains(manager.displayName());
            browser.assertAccessible();

            browser.driver.findElement(By.id("log-contact")).click();
            browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                    By.id("coordination-check")));
            browser.assertAccessible();

            new Select(browser.driver.findElement(By.id("kind"))).selectByValue("VISIT");
            new Select(browser.driver.findElement(By.id("purpose"))).selectByValue("SALES_VISIT");
            browser.driver.findElement(By.cssSelector("label[for=status-PLANNED]")).click();
            setValue(browser, "date", monday.plusDays(2).toString());
            setValue(browser, "time", "14:00");
            browser.replace("summary", "Present apprenticeship programs");
            browser.driver.findElement(By.id("save-contact")).click();

            browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("page-alert")));
            assertThat(browser.driver.findElement(By.id("page-alert")).getText())
                    .contains("went to its account manager, " + manager.displayName());
            assertThat(jdbc.sql("SELECT count(*) FROM contact_log WHERE business_id = :b AND staff_user_id = :u")
                    .param("b", businessId).param("u", collegeStaff.id()).query(Long.class).single()).isZero();

            browser.signIn(manager.email(), TestAccounts.PASSWORD);
            browser.open("/portfolio");
            WebElement request = browser.driver.findElement(By.cssSelector("[data-request-id]"));
            assertThat(request.getText()).contains(collegeStaff.displayName()).contains("Present apprenticeship programs");
            browser.assertAccessible();
            request.findElement(By.cssSelector("label[for^=combine-]")).click();
            request.findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("page-alert"), "combined"));
            assertThat(browser.driver.findElements(By.cssSelector("[data-request-id]"))).isEmpty();

            browser.open("/businesses/" + businessId + "/account-manager");
            browser.assertAccessible();
            browser.open("/outreach");
            browser.replace("name", "Spring job fair");
            setValue(browser, "date", monday.plusDays(3).toString());
            browser.replace("ids", String.valueOf(businessId));
            browser.driver.findElement(By.cssSelector("button[value=preview]")).click();
            browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("list-check")));
            assertThat(browser.driver.findElement(By.cssSelector("[data-business-id='" + businessId + "']")).getText())
                    .contains("Left out");
            browser.assertAccessible();

            browser.signIn(TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
            browser.open("/admin/coordination-window/" + college.areaId());
            browser.assertAccessible();
            browser.open("/admin/account-teams");
            browser.assertAccessible();
        }
    }

    private static void setValue(Browser browser, String id, String value) {
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1]",
                browser.driver.findElement(By.id(id)), value);
    }

    private static CurrentUser asCurrentUser(UserAccount account) {
        return new CurrentUser(account.id(), account.email(), account.displayName(), account.role(),
                account.partnerId(), "{noop}unused", true);
    }
}
