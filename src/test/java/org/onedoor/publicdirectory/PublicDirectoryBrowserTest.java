package org.onedoor.publicdirectory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.support.Browser;
import org.onedoor.support.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Walks through the public directory in Debian's headless Chromium as a business owner without an account, from a
 * search to a sent contact request, then reads the request in the staff inbox. axe checks every page against WCAG
 * 2.1 level AA.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicDirectoryBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Browser browser;
    WebDriver driver;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = new Browser(port);
        driver = browser.driver;
    }

    @AfterEach
    void stopBrowser() {
        browser.close();
    }

    @Test
    void businessSendsRequestAndStaffReadsIt() {
        String businessName = "Browser Test Foundry " + UUID.randomUUID().toString().substring(0, 8);

        step("search in plain words");
        browser.open("/find-services");
        browser.assertAccessible();
        driver.findElement(By.id("q")).sendKeys("layoffs");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("q=layoffs"));
        assertThat(driver.findElement(By.id("results-heading")).getText()).endsWith("services found");
        browser.assertAccessible();

        step("open the service page");
        driver.findElement(By.linkText("Rapid Response information sessions")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Rapid Response information sessions");
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("Room now", "Time zone", "Employer has announced a layoff or closure");
        browser.assertAccessible();

        step("send the form empty and read the errors");
        driver.findElement(By.linkText("Ask to be contacted about this service")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Ask to be contacted");
        String serviceId = driver.getCurrentUrl().replaceAll(".*service=", "");
        assertThat(driver.findElement(By.id("service-" + serviceId)).isSelected()).isTrue();
        browser.assertAccessible();
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(driver.findElement(By.id("businessName-error")).getText()).startsWith("Business name is missing.");
        assertThat(driver.findElement(By.id("businessName")).getAttribute("aria-describedby"))
                .contains("businessName-error");
        assertThat(driver.findElement(By.id("consent-error")).getText()).contains("not agreed to be contacted");
        assertThat(driver.findElement(By.id("service-" + serviceId)).isSelected()).isTrue();
        browser.assertAccessible();

        step("fill in the form and send it");
        driver.findElement(By.id("businessName")).sendKeys(businessName);
        driver.findElement(By.id("personName")).sendKeys("Robin Example");
        driver.findElement(By.id("email")).sendKeys("robin@example.com");
        driver.findElement(By.id("message")).sendKeys("We may close our second shift in March.");
        driver.findElement(By.cssSelector("label[for=consent]")).click();
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your request was sent");
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("robin@example.com", "Rapid Response information sessions");
        browser.assertAccessible();

        step("read the request in the staff inbox");
        browser.signIn(TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        assertThat(driver.findElement(By.id("contact-requests-count")).getText()).contains("new contact request");
        browser.open("/contact-requests");
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains(businessName, "Robin Example", "We may close our second shift in March.");
        browser.assertAccessible();
    }

    @Test
    void availabilityStatesPassAxe() {
        TestPartner open = DirectoryFixtures.createPartner(jdbc);
        TestPartner full = DirectoryFixtures.createPartner(jdbc);
        capacity(open.serviceId(), 3, 10);
        capacity(full.serviceId(), 0, 10);

        browser.open("/find-services/services/" + open.serviceId());
        String text = driver.findElement(By.tagName("main")).getText();
        // USWDS tags are shown in capitals.
        assertThat(text).containsIgnoringCase("Open now");
        assertThat(text).contains("3 of 10 slots open");
        browser.assertAccessible();

        browser.open("/find-services/services/" + full.serviceId());
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Full: no openings right now");
        browser.assertAccessible();

        browser.open("/find-services?q=forklift");
        browser.assertAccessible();
    }

    private void capacity(long serviceId, int available, int maximum) {
        jdbc.sql("INSERT INTO service_capacity (service_id, unit, maximum_units, available_units, updated_by)"
                        + " VALUES (:serviceId, 'SLOTS', :maximum, :available, 'Browser test')")
                .param("serviceId", serviceId)
                .param("maximum", maximum)
                .param("available", available)
                .update();
    }

    /** Names the step in the test output, so a failure shows how far the walk got. */
    private static void step(String name) {
        System.out.println("Step: " + name);
    }
}
