package org.onedoor.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.demand.DemandFixtures.Area;
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

/**
 * Raises needs, records an accepted offer and reads the demand analysis in Chromium, checking each page with axe
 * and that the ECharts charts draw.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemandBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessRegistry registry;

    @Autowired
    UserAccounts accounts;

    @Test
    void needOfferAndAnalysisPages() throws Exception {
        Area area = DemandFixtures.area(jdbc);
        TestPartner other = DemandFixtures.secondPartner(jdbc, area.areaId());
        String serviceName = "Title I recruitment " + DemandFixtures.unique();
        long service = DemandFixtures.service(jdbc, other, serviceName, "workforce-recruitment");
        DemandFixtures.capacity(jdbc, service, 4, 10);
        long businessId = DemandFixtures.business(registry, area.countyFips());
        UserAccount staff = DemandFixtures.account(accounts, Role.STAFF, area.partner().partnerId());

        try (Browser browser = new Browser(port)) {
            browser.signIn(staff.email(), TestAccounts.PASSWORD);

            browser.open("/businesses/" + businessId);
            browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                    By.id("needs-section")));
            assertThat(browser.driver.findElement(By.id("needs-section")).getText())
                    .contains("No need has been recorded");
            browser.assertAccessible();

            browser.open("/businesses/" + businessId + "/needs");
            browser.driver.findElement(By.cssSelector("#raise-needs + form button[type=submit]")).click();
            assertThat(browser.driver.findElement(By.cssSelector(".usa-alert--error")).getText())
                    .contains("No need was given");
            browser.assertAccessible();

            browser.driver.findElement(By.cssSelector("label[for=needs]")).click();
            browser.driver.findElement(By.cssSelector("label[for=need-LAYOFF]")).click();
            browser.driver.findElement(By.cssSelector("#raise-needs + form button[type=submit]")).click();
            String notice = browser.driver.findElement(By.cssSelector(".usa-alert--success")).getText();
            assertThat(notice).contains("Find and hire workers (recorded, 1 services can meet it)");
            assertThat(notice).contains("recorded as unmet: No service in the area meets this need");
            browser.assertAccessible();

            browser.driver.findElement(By.xpath("//tr[th[text()='Find and hire workers']]//a")).click();
            assertThat(browser.driver.findElement(By.id("matching-services")).getText()).contains(serviceName)
                    .contains("4 of 10");
            browser.assertAccessible();

            browser.driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            assertThat(browser.driver.findElement(By.cssSelector(".usa-alert--error")).getText())
                    .contains("No service was offered").contains("Answer is missing");
            browser.assertAccessible();

            browser.driver.findElement(By.cssSelector("label[for=serviceIds]")).click();
            browser.driver.findElement(By.cssSelector("label[for=answer]")).click();
            browser.driver.findElement(By.cssSelector("label[for=followUp]")).click();
            browser.driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            // An accepted referral of another partner's service opens the refer form for that service and need.
            browser.waitFor(Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/referrals/new"));
            assertThat(browser.driver.getCurrentUrl()).contains("/referrals/new?business=" + businessId
                    + "&service=" + service + "&needCode=HIRE");
            assertThat(browser.driver.findElement(By.tagName("main")).getText())
                    .contains("Recorded the accepted offer of " + serviceName);
            browser.assertAccessible();

            browser.open("/demand?area=" + area.areaId());
            for (String chart : new String[] {"chart-unmet", "chart-month", "chart-need-type"}) {
                browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#" + chart + " canvas")));
            }
            assertThat(browser.driver.findElement(By.id("total-needs")).getText()).isEqualTo("2");
            assertThat(browser.driver.findElement(By.id("total-accepted")).getText()).isEqualTo("1");
            assertThat(browser.driver.findElement(By.id("total-unmet")).getText()).isEqualTo("1");
            browser.assertAccessible();
            browser.screenshot("demand-analysis");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                    "document.getElementById('develop-or-expand').scrollIntoView()");
            browser.screenshot("demand-analysis-charts");

            browser.open("/demand/unmet?area=" + area.areaId());
            assertThat(browser.driver.findElement(By.id("unmet-needs")).getText())
                    .contains("Plan for or respond to a layoff").contains("No service in the area meets this need");
            browser.assertAccessible();
        }
    }
}
