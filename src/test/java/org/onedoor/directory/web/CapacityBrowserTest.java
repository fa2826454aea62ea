package org.onedoor.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.ApiClient;
import org.onedoor.support.Browser;
import org.onedoor.support.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Opens the service page in two tabs and the search results in a third, changes the capacity through the API,
 * and checks that every tab shows the new figures without a reload, over one shared event stream. The pages
 * are checked with axe against WCAG 2.1 level AA.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CapacityBrowserTest {

    private static final Duration LIVE_UPDATE_WAIT = Duration.ofSeconds(15);
    /**
     * Longer than two 15-second heartbeats: a stream whose browser went away is found when a heartbeat fails,
     * which may take a second heartbeat after the first one filled the socket buffer.
     */
    private static final Duration SUBSCRIBER_WAIT = Duration.ofSeconds(45);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    CapacityEventStream events;

    Browser browser;
    WebDriver driver;
    TestPartner partner;
    String staffEmail;

    @BeforeEach
    void startBrowser() throws Exception {
        partner = DirectoryFixtures.createPartner(jdbc);
        staffEmail = "capacity-staff-" + partner.suffix() + "@onedoor.test";
        TestAccounts.ensure(accounts, staffEmail, Role.STAFF, partner.partnerId());
        browser = new Browser(port);
        driver = browser.driver;
        browser.signIn(staffEmail, TestAccounts.PASSWORD);
    }

    @AfterEach
    void stopBrowser() {
        browser.close();
    }

    @Test
    void capacityUpdatesLiveInEveryTab() throws Exception {
        String servicePage = "/directory/services/" + partner.serviceId();
        List<String> tabs = new ArrayList<>();
        browser.open(servicePage);
        tabs.add(driver.getWindowHandle());
        assertThat(driver.findElement(By.id("capacity-figures")).getText()).containsIgnoringCase("Availability unknown");
        browser.assertAccessible();

        driver.switchTo().newWindow(WindowType.TAB);
        browser.open(servicePage);
        tabs.add(driver.getWindowHandle());
        driver.switchTo().newWindow(WindowType.TAB);
        browser.open("/directory?partner=" + partner.partnerId());
        tabs.add(driver.getWindowHandle());
        assertThat(driver.findElement(By.id("capacity-" + partner.serviceId())).getText()).containsIgnoringCase("Availability unknown");
        browser.assertAccessible();
        waitForSubscribers(1);

        int status = ApiClient.as(port, staffEmail, TestAccounts.PASSWORD)
                .putJson("/api/v1/services/" + partner.serviceId() + "/capacity",
                        "{\"unit\":\"COHORT_SEATS\",\"available\":7,\"maximum\":9,\"freshnessLimit\":\"P7D\"}")
                .statusCode();
        assertThat(status).isEqualTo(200);

        driver.switchTo().window(tabs.get(0));
        waitForText(By.id("capacity-figures"), "7 of 9 cohort seats available now");
        driver.switchTo().window(tabs.get(1));
        waitForText(By.id("capacity-figures"), "7 of 9 cohort seats available now");
        assertThat(driver.findElement(By.id("capacity-figures")).getText()).contains("capacity-staff-" + partner.suffix());
        browser.assertAccessible();
        browser.screenshot("capacity-service-page");
        driver.switchTo().window(tabs.get(2));
        waitForText(By.id("capacity-" + partner.serviceId()), "7 of 9 cohort seats");
        assertThat(events.subscriberCount()).as("one event stream shared by three tabs").isEqualTo(1);
    }

    @Test
    void capacityFormWithErrorsPassesAxe() {
        browser.open("/directory/services/" + partner.serviceId());
        browser.replace("available", "12");
        browser.replace("maximum", "10");
        driver.findElement(By.xpath("//button[text()='Save capacity']")).click();

        assertThat(driver.findElement(By.id("available-error")).getText()).contains("Available 12 is above the maximum 10");
        browser.assertAccessible();
    }

    @Test
    void tokenPagePassesAxe() {
        String adminEmail = "capacity-partner-admin-" + partner.suffix() + "@onedoor.test";
        TestAccounts.ensure(accounts, adminEmail, Role.PARTNER_ADMINISTRATOR, partner.partnerId());
        browser.signIn(adminEmail, TestAccounts.PASSWORD);
        browser.open("/admin/tokens");
        browser.assertAccessible();

        browser.replace("name", "Case management system");
        driver.findElement(By.xpath("//button[text()='Issue token']")).click();

        assertThat(driver.findElement(By.id("issued-token")).getAttribute("value")).startsWith("odp_");
        browser.assertAccessible();
    }

    private void waitForText(By element, String text) {
        browser.waitFor(LIVE_UPDATE_WAIT).until(ExpectedConditions.textToBePresentInElementLocated(element, text));
    }

    /** Waits until the server has exactly this many open event streams, as tabs connect asynchronously. */
    private void waitForSubscribers(int count) throws InterruptedException {
        long deadline = System.nanoTime() + SUBSCRIBER_WAIT.toNanos();
        while (events.subscriberCount() != count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(events.subscriberCount()).as("open event streams").isEqualTo(count);
    }
}
