package org.onedoor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onedoor.support.Browser;
import org.onedoor.support.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The first flow a newcomer follows, in a real browser: sign in, import the South Bend licence list, wait for the
 * report, search for a business and open it. Axe checks every page on the way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportAndSearchBrowserTest {

    private static final Path SOUTH_BEND = Path.of("src/test/resources/licence-lists/south-bend-in.csv").toAbsolutePath();

    @LocalServerPort
    int port;

    private Browser browser;

    @BeforeAll
    void startBrowser() throws Exception {
        browser = new Browser(port);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void importsSouthBendThenFindsAndOpensBusiness() throws Exception {
        step1SignIn();
        step2UploadSouthBendFile();
        step3ConfirmTheColumnMapping();
        step4WaitForTheReport();
        step5SearchForBusiness();
        step6OpenTheBusiness();
    }

    private void step1SignIn() {
        browser.signIn(TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        browser.assertAccessible();
    }

    private void step2UploadSouthBendFile() {
        browser.open("/imports");
        browser.assertAccessible();
        browser.open("/imports/new");
        browser.assertAccessible();

        browser.driver.findElement(By.id("file")).sendKeys(SOUTH_BEND.toString());
        browser.driver.findElement(By.id("sourceName")).sendKeys("City of South Bend business licences");
        browser.driver.findElement(By.cssSelector("main form button[type=submit]")).click();

        browser.waitFor(Duration.ofSeconds(30)).until(ExpectedConditions.urlMatches(".*/imports/\\d+/mapping.*"));
    }

    private void step3ConfirmTheColumnMapping() {
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("Business Name");
        browser.assertAccessible();

        browser.driver.findElement(By.cssSelector("main form button[type=submit]")).click();

        browser.waitFor(Duration.ofSeconds(30)).until(ExpectedConditions.urlMatches(".*/imports/\\d+$"));
        browser.assertAccessible();
    }

    private void step4WaitForTheReport() throws Exception {
        browser.waitFor(Duration.ofMinutes(5)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("import-progress"), "Completed"));
        browser.driver.navigate().refresh();

        String page = browser.driver.findElement(By.tagName("main")).getText();
        assertThat(page).contains("3,344 of 3,344 rows read").contains("Download the per-row report");
        browser.assertAccessible();
        browser.screenshot("import-report");
    }

    private void step5SearchForBusiness() {
        browser.open("/");
        browser.driver.findElement(By.id("business-search")).sendKeys("fricks");
        browser.driver.findElement(By.cssSelector("main form[role=search] button[type=submit]")).click();

        browser.waitFor(Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/businesses?q=fricks"));
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("Frick’s DQ Grill & Chill");
        browser.assertAccessible();
    }

    private void step6OpenTheBusiness() throws Exception {
        browser.driver.findElement(By.partialLinkText("Frick’s DQ Grill")).click();

        browser.waitFor(Duration.ofSeconds(15)).until(ExpectedConditions.urlMatches(".*/businesses/\\d+$"));
        String page = browser.driver.findElement(By.tagName("main")).getText();
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).contains("Frick’s DQ Grill");
        assertThat(page).contains("Establishments").contains("Source records").contains("History");
        browser.assertAccessible();
        browser.screenshot("business-page");
    }
}
