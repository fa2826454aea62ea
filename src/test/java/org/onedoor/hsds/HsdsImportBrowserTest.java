package org.onedoor.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.hsds.internal.HsdsUpload;
import org.onedoor.support.Browser;
import org.onedoor.support.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs an HSDS import in Debian's headless Chromium as the first administrator and checks the form, the form with
 * an error, the report and a service page with imported notes with axe against WCAG 2.1 level AA.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HsdsImportBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Browser browser;
    WebDriver driver;
    Path folder;
    TestAreas areas;
    String areaName;

    @BeforeEach
    void startBrowser() throws IOException {
        areas = new TestAreas(jdbc);
        areaName = areas.name(areas.create("06"));
        folder = Files.createTempDirectory("onedoor-hsds-");
        browser = new Browser(port);
        driver = browser.driver;
        browser.signIn(TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        browser.close();
        areas.deleteAll();
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
    }

    @Test
    void importPagesPassAxe() throws IOException {
        browser.open("/imports/hsds");
        browser.assertAccessible();

        chooseFiles(HsdsImportTest.uploads("ohana-smc/*.csv"));
        new Select(driver.findElement(By.id("areaId"))).selectByVisibleText(areaName);
        new Select(driver.findElement(By.id("timeZone"))).selectByValue("America/Los_Angeles");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();

        browser.waitFor(java.time.Duration.ofSeconds(60)).until(ExpectedConditions.urlMatches(".*/imports/hsds/[0-9]+$"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("HSDS import of Ohana API sample");
        browser.assertAccessible();

        driver.findElement(By.linkText("Service Second Career Employment Program")).click();
        browser.waitFor(java.time.Duration.ofSeconds(15)).until(ExpectedConditions.urlMatches(".*/directory/services/[0-9]+$"));
        assertThat(driver.findElement(By.id("hsds-notes-heading")).getText()).isEqualTo("Imported notes");
        browser.assertAccessible();
    }

    @Test
    void formErrorPassesAxe() throws IOException {
        browser.open("/imports/hsds");
        Path broken = folder.resolve("services.csv");
        Files.writeString(broken, "name,description\nNo id column,Here\n");

        driver.findElement(By.id("files")).sendKeys(broken.toString());
        new Select(driver.findElement(By.id("areaId"))).selectByVisibleText(areaName);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();

        assertThat(driver.findElement(By.id("files-error")).getText()).contains("services.csv has no id column");
        browser.assertAccessible();
    }

    private void chooseFiles(List<HsdsUpload> uploads) throws IOException {
        List<String> paths = new ArrayList<>();
        for (HsdsUpload upload : uploads) {
            Path file = folder.resolve(upload.name());
            Files.write(file, upload.bytes());
            paths.add(file.toString());
        }
        driver.findElement(By.id("files")).sendKeys(String.join("\n", paths));
        driver.findElement(By.id("sourceName")).sendKeys("Ohana API sample");
    }
}
