package org.onedoor.businesses.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.businesses.IncomingAddress;
import org.onedoor.businesses.IncomingBusiness;
import org.onedoor.businesses.Registration;
import org.onedoor.businesses.SourceReference;
import org.onedoor.support.Browser;
import org.onedoor.support.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Registers a business in headless Chromium: a likely duplicate of an existing business is caught with its reasons,
 * then the staff member confirms that it is a different business and it is created. Every page passes axe.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegisterBusinessBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    BusinessRegistry registry;

    Browser browser;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = new Browser(port);
        browser.signIn(TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
    }

    @AfterEach
    void stopBrowser() {
        browser.close();
    }

    @Test
    void catchesDuplicateThenCreatesConfirmedBusiness() {
        String word = DuplicateCheckApiTest.word();
        Registration existing = registry.register(new IncomingBusiness("Heron " + word + " Coffee Inc", List.of(),
                null, null, null, null, null, null,
                new IncomingAddress("210 S Michigan St", null, "South Bend", "IN", "46601", "US", null), Map.of()),
                new SourceReference("IMPORT_ROW", "matching-browser-test.csv", null, 2, Map.of(), null, null));

        browser.open("/businesses/new");
        browser.assertAccessible();
        browser.replace("legalName", "HERON " + word.toUpperCase() + " COFFEE");
        browser.replace("streetAddress", "210 South Michigan Street");
        browser.replace("city", "South Bend");
        browser.replace("state", "IN");
        browser.replace("zipCode", "46601");
        browser.driver.findElement(By.id("city")).click();

        // htmx replaces the candidate list after each change, so a read can meet a list that was just swapped out.
        String candidates = browser.waitFor(Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    String text = driver.findElement(By.id("candidates")).getText();
                    return text.contains("1 existing business is a likely duplicate.") ? text : null;
                });
        assertThat(candidates).contains("Heron " + word + " Coffee Inc");
        assertThat(candidates).contains("Same street address 210 S Michigan St");
        browser.assertAccessible();

        browser.driver.findElement(By.cssSelector("#new-business-form button[type=submit]")).click();
        browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(browser.driver.findElement(By.id("error-summary")).getText())
                .contains("This business may already be registered");
        assertThat(browser.driver.findElement(By.cssSelector("#candidate-list a")).getAttribute("href"))
                .endsWith("/businesses/" + existing.businessId());
        browser.assertAccessible();

        // The staff member has checked that this is another business under the same name, so they confirm it.
        browser.driver.findElement(By.cssSelector("label[for=confirmDifferentBusiness]")).click();
        browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.elementSelectionStateToBe(
                By.id("confirmDifferentBusiness"), true));
        browser.driver.findElement(By.cssSelector("#new-business-form button[type=submit]")).click();

        browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("page-alert")));
        assertThat(browser.driver.getCurrentUrl()).matches(".*/businesses/[0-9]+$");
        assertThat(browser.driver.getCurrentUrl()).doesNotEndWith("/businesses/" + existing.businessId());
        assertThat(browser.driver.findElement(By.id("page-alert")).getText())
                .isEqualTo("Registered HERON " + word.toUpperCase() + " COFFEE as a new business.");
        browser.assertAccessible();
    }
}
