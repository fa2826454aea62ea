package org.onedoor.businesses.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onedoor.businesses.merge.MergeFixtures.admin;
import static org.onedoor.businesses.merge.MergeFixtures.business;
import static org.onedoor.businesses.merge.MergeFixtures.post;
import static org.onedoor.businesses.merge.MergeFixtures.uniqueWord;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.businesses.DuplicateCheck;
import org.onedoor.support.Browser;
import org.onedoor.support.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Moves an establishment and undoes it, and reviews the contact pairs of a merge, in headless Chromium; every page
 * passes axe.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EstablishmentMergeBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    DuplicateCheck check;

    @Autowired
    JdbcClient jdbc;

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
    void movesEstablishmentAndUndoes() {
        String word = uniqueWord();
        long target = business(check, jdbc, word + " Tailor LLC", null, null, "140");
        long source = business(check, jdbc, word + " Tailoring Co", null, null, "142");
        long moved = jdbc.sql("SELECT min(id) FROM establishment WHERE business_id = :id").param("id", source)
                .query(Long.class).single();
        String page = "/businesses/" + target + "/establishments/merge";

        browser.open("/businesses/" + target);
        browser.driver.findElement(By.id("establishment-merge-link")).click();
        browser.waitFor(Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("establishment-merge-form")));
        assertThat(browser.driver.getCurrentUrl()).endsWith(page);
        browser.assertAccessible();

        browser.driver.findElement(By.id("establishmentId")).sendKeys("twelve");
        browser.driver.findElement(By.id("establishment-merge-button")).click();
        browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("establishmentId-error")));
        assertThat(browser.driver.findElement(By.id("establishmentId-error")).getText())
                .contains("Establishment id 'twelve' is invalid");
        browser.assertAccessible();

        browser.driver.findElement(By.id("establishmentId")).clear();
        browser.driver.findElement(By.id("establishmentId")).sendKeys(String.valueOf(moved));
        browser.driver.findElement(By.id("establishment-merge-button")).click();
        browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("establishment-merges")));
        assertThat(browser.driver.findElement(By.id("page-alert")).getText())
                .contains("Moved establishment " + moved + " from business " + source);
        assertThat(browser.driver.findElement(By.id("establishment-list")).getText())
                .contains("Establishment " + moved + ": 142 N Main St");
        browser.assertAccessible();

        browser.driver.findElement(By.cssSelector("#establishment-merges button")).click();
        browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("page-alert"), "Undid establishment merge"));
        assertThat(jdbc.sql("SELECT business_id FROM establishment WHERE id = :id").param("id", moved)
                .query(Long.class).single()).isEqualTo(source);
        browser.assertAccessible();
    }

    @Test
    void mergePageListsContactPairs() {
        String word = uniqueWord();
        long survivor = business(check, jdbc, word + " Locksmith LLC", null, null, "150");
        long other = business(check, jdbc, word + " Locksmiths", null, null, "152");
        post(admin(port), "/api/v1/businesses/" + survivor + "/contact-people",
                "{\"name\": \"Ada Wong\", \"email\": \"ada@" + word + ".example\"}");
        post(admin(port), "/api/v1/businesses/" + other + "/contact-people",
                "{\"name\": \"Ada Wong\", \"email\": \"ada@" + word + ".example\"}");

        browser.open("/businesses/" + survivor + "/merge/" + other);

        browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("contact-pairs")));
        assertThat(browser.driver.findElement(By.id("contact-pairs")).getText()).contains("Join Ada Wong")
                .contains("Same email address");
        assertThat(browser.driver.findElement(By.cssSelector("#contact-pairs input[type='checkbox']")).isSelected())
                .isTrue();
        browser.assertAccessible();
    }
}
