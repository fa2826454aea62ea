package org.onedoor.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.demand.DemandFixtures.Area;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.ApiClient;
import org.onedoor.support.Browser;
import org.onedoor.support.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The assessment page after another partner's recent contact: it lists the contact, sends a planned assessment to
 * the account manager, or completes one with an override reason. The contacts-without-offer page lists the other
 * partner's walk-in for an administrator. Every page passes axe.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AssessmentCoordinationBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessRegistry registry;

    @Autowired
    UserAccounts accounts;

    @Test
    void assessmentAfterOtherPartnersContact() throws Exception {
        Area area = DemandFixtures.area(jdbc);
        TestPartner other = DemandFixtures.secondPartner(jdbc, area.areaId());
        long businessId = DemandFixtures.business(registry, area.countyFips());
        UserAccount staff = DemandFixtures.account(accounts, Role.STAFF, area.partner().partnerId());
        UserAccount manager = DemandFixtures.account(accounts, Role.STAFF, other.partnerId());

        ApiClient managerApi = DemandFixtures.api(port, manager);
        HttpResponse<String> contact = DemandFixtures.post(managerApi, "/api/v1/businesses/" + businessId
                + "/contact-log", "{\"kind\": \"CALL\", \"purpose\": \"INFORMATION\", \"summary\": \"Asked about "
                + "hiring\"}");
        assertThat(contact.statusCode()).as(contact.body()).isEqualTo(201);
        long contactId = Long.parseLong(contact.body().replaceAll("(?s).*?\"id\"\\s*:\\s*(\\d+).*", "$1"));
        ApiClient admin = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        HttpResponse<String> assigned = admin.send(admin.request("/api/v1/businesses/" + businessId
                        + "/account-manager")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"userId\": " + manager.id() + "}"))
                .build());
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);

        try (Browser browser = new Browser(port)) {
            browser.signIn(staff.email(), TestAccounts.PASSWORD);
            browser.open("/businesses/" + businessId + "/assessment");
            assertThat(browser.driver.findElement(By.id("coordination")).getText())
                    .contains("Other partners contacted this business recently").contains(other.partnerName())
                    .contains(manager.displayName());
            browser.assertAccessible();

            // Without a date, the route form is shown again with the error.
            browser.driver.findElement(By.cssSelector("#route-form button[type=submit]")).click();
            browser.waitFor(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("route-date-error")));
            browser.assertAccessible();

            ((JavascriptExecutor) browser.driver).executeScript(
                    "document.getElementById('route-date').value = arguments[0]",
                    LocalDate.now(ZoneId.of("America/Chicago")).plusDays(3).toString());
            browser.driver.findElement(By.cssSelector("#route-form button[type=submit]")).click();
            browser.waitFor(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                    "went to its account manager"));
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM coordination_request
                            WHERE business_id = :id AND purpose = 'NEEDS_ASSESSMENT'""")
                    .param("id", businessId).query(Long.class).single()).isEqualTo(1);
            browser.assertAccessible();

            // Completing without a reason is stopped; with one it goes ahead and the reason is recorded.
            browser.driver.findElement(By.xpath("//button[text()='Complete the assessment']")).click();
            browser.waitFor(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("overrideReason-error")));
            browser.assertAccessible();
            browser.replace("overrideReason", "The owner is here now and asked for it.");
            browser.driver.findElement(By.xpath("//button[text()='Complete the assessment']")).click();
            browser.waitFor(WAIT).until(ExpectedConditions.urlContains("/needs"));
            browser.open("/businesses/" + businessId + "/assessment");
            assertThat(browser.driver.findElement(By.id("override-reason")).getText())
                    .contains("The owner is here now and asked for it.");
            browser.assertAccessible();

            browser.signIn(TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
            browser.open("/contacts/without-offer");
            browser.assertAccessible();
            new Select(browser.driver.findElement(By.id("partner"))).selectByValue(String.valueOf(other.partnerId()));
            browser.driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            browser.waitFor(WAIT).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-contact-id='" + contactId + "']")));
            browser.assertAccessible();
        }
    }
}
