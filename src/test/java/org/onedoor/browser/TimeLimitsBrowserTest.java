package org.onedoor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.calendar.AlabamaFixtures;
import org.onedoor.calendar.AlabamaFixtures.AlabamaArea;
import org.onedoor.support.Browser;
import org.onedoor.support.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pages behind referral time limits in headless Chromium as the first administrator: an area's holidays,
 * the service form and page with their time limits, and the staff office on the accounts page, each checked with
 * axe.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TimeLimitsBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Browser browser;
    AlabamaArea area;

    @BeforeEach
    void startBrowser() throws Exception {
        area = AlabamaFixtures.create(jdbc);
        browser = new Browser(port);
        browser.signIn(TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
    }

    @AfterEach
    void stopBrowser() {
        browser.close();
    }

    private String main() {
        return browser.driver.findElement(By.tagName("main")).getText();
    }

    @Test
    void holidaysPageEditsAreaHolidays() {
        browser.open("/areas/" + area.areaId() + "/holidays?year=2027");
        assertThat(main()).contains("Mon, Jul 5, 2027").contains("Independence Day (observed)");
        browser.assertAccessible();

        browser.replace("holiday-name", "Good Friday");
        browser.driver.findElement(By.id("holiday-date")).sendKeys("03262027");
        browser.driver.findElement(By.xpath("//button[contains(., 'Add holiday')]")).click();
        browser.waitFor(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "Added the local holiday Good Friday"));
        assertThat(main()).contains("Fri, Mar 26, 2027").contains("Local holiday");
        browser.assertAccessible();

        browser.driver.findElement(By.xpath("//button[contains(., 'Make Columbus Day a business day')]")).click();
        browser.waitFor(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "is now a business day"));
        assertThat(main()).contains("Federal holiday, business day in this area");
        browser.assertAccessible();
    }

    @Test
    void holidayFormShowsErrors() {
        browser.open("/areas/" + area.areaId() + "/holidays?year=2027");

        browser.driver.findElement(By.id("holiday-date")).sendKeys("07052027");
        browser.driver.findElement(By.xpath("//button[contains(., 'Add holiday')]")).click();
        browser.waitFor(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "The holiday was not added"));

        assertThat(main()).contains("Name is missing");
        browser.assertAccessible();
    }

    @Test
    void serviceFormSetsTimeLimits() {
        browser.open("/directory/services/" + area.serviceId() + "/edit");
        browser.assertAccessible();

        browser.replace("responseDays", "0");
        browser.driver.findElement(By.xpath("//button[contains(., 'Save service')]")).click();
        browser.waitFor(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "Days to respond is 0"));
        browser.assertAccessible();

        browser.replace("responseDays", "3");
        browser.replace("firstContactDays", "7");
        browser.driver.findElement(By.xpath("//button[contains(., 'Save service')]")).click();
        browser.waitFor(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "Saved the service"));
        assertThat(main()).contains("Respond within 3 business days").contains("first contact within 7 business days");
        browser.assertAccessible();
    }

    @Test
    void accountsPageSetsStaffOffice() {
        browser.open("/admin/users");
        browser.assertAccessible();

        browser.driver.findElement(By.xpath("//button[contains(., 'Set office')]")).click();
        browser.waitFor(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "The office was not changed"));
        assertThat(main()).contains("Staff member is missing");
        browser.assertAccessible();
    }
}
