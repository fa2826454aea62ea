package org.onedoor.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.support.Browser;
import org.onedoor.support.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Opens every directory page and form in Debian's headless Chromium as the first administrator and checks each
 * with axe against WCAG 2.1 level AA, including a form that shows field errors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DirectoryPagesBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Browser browser;
    WebDriver driver;
    TestPartner partner;

    @BeforeEach
    void startBrowser() throws Exception {
        partner = DirectoryFixtures.createPartner(jdbc);
        browser = new Browser(port);
        driver = browser.driver;
        browser.signIn(TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
    }

    @AfterEach
    void stopBrowser() {
        browser.close();
    }

    @Test
    void directoryPagesPassAxe() {
        for (String path : new String[] {
                "/directory",
                "/directory?q=training&category=training",
                "/directory/partners",
                "/directory/partners/" + partner.partnerId(),
                "/directory/services/" + partner.serviceId(),
                "/directory/offices/" + partner.officeId(),
                "/directory/partners/" + partner.partnerId() + "/edit",
                "/directory/partners/" + partner.partnerId() + "/offices/new",
                "/directory/partners/" + partner.partnerId() + "/programs/new",
                "/directory/partners/" + partner.partnerId() + "/services/new",
                "/directory/offices/" + partner.officeId() + "/edit",
                "/directory/programs/" + partner.programId() + "/edit",
                "/directory/services/" + partner.serviceId() + "/edit"}) {
            browser.open(path);

            assertThat(driver.findElements(By.tagName("h1"))).as("h1 on %s", path).hasSize(1);
            browser.assertAccessible();
        }
    }

    @Test
    void officeFormErrorsPassAxe() {
        browser.open("/directory/offices/" + partner.officeId() + "/edit");
        browser.replace("zip", "4660");
        browser.replace("timeZone", "Mars/Olympus");

        driver.findElement(By.cssSelector("main form button[type=submit]")).click();

        assertThat(driver.findElement(By.id("zip-error")).getText()).contains("it has 4 digits");
        assertThat(driver.findElement(By.id("zip")).getAttribute("aria-describedby")).contains("zip-error");
        assertThat(driver.findElement(By.id("timeZone-error")).getText()).contains("Mars/Olympus");
        browser.assertAccessible();
    }

    @Test
    void markVerifiedShowsAlert() {
        browser.open("/directory/services/" + partner.serviceId());

        driver.findElement(By.xpath("//button[contains(., 'Mark as verified')]")).click();

        assertThat(driver.findElement(By.cssSelector(".usa-alert--success")).getText())
                .contains("as verified on").containsPattern("E[SD]T by ");
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("Never verified");
        browser.assertAccessible();
    }
}
