package org.onedoor.businesses.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onedoor.businesses.merge.MergeFixtures.admin;
import static org.onedoor.businesses.merge.MergeFixtures.business;
import static org.onedoor.businesses.merge.MergeFixtures.post;
import static org.onedoor.businesses.merge.MergeFixtures.uniqueWord;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.businesses.DuplicateCheck;
import org.onedoor.support.Browser;
import org.onedoor.support.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reviews a duplicate pair and merges it in headless Chromium; every page passes axe. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MergeBrowserTest {

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
    void reviewsQueueAndMergesPair() {
        String word = uniqueWord();
        long first = business(check, jdbc, word + " Hobby Shop Inc", null, null, "412");
        long second = business(check, jdbc, word + " Hobby Shop", null, null, "412");
        MergeFixtures.scan(admin(port), first - 1, second);
        long pairId = jdbc.sql("SELECT id FROM duplicate_pair WHERE lower_id = :first AND higher_id = :second")
                .param("first", first).param("second", second).query(Long.class).single();

        browser.open("/businesses/duplicates");
        browser.assertAccessible();
        // Other tests' pairs share the queue, so this pair may be on a later page.
        List<WebElement> row = browser.driver.findElements(By.cssSelector("tr[data-pair-id='" + pairId + "'] a.usa-button"));
        if (row.isEmpty()) {
            browser.open("/businesses/" + first + "/merge/" + second);
        } else {
            row.get(0).click();
        }
        browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("merge-form")));
        browser.assertAccessible();
        browser.driver.findElement(By.cssSelector("label[for='choice-legal_name-other']")).click();
        browser.driver.findElement(By.id("merge-button")).click();

        browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("page-alert")));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/businesses/" + first);
        assertThat(browser.driver.findElement(By.id("page-alert")).getText())
                .startsWith("Merged business " + second + " into this business as merge");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).contains(word + " Hobby Shop");
        browser.assertAccessible();

        browser.open("/businesses/" + first + "/merges");
        browser.assertAccessible();
        browser.open("/businesses/duplicates?status=MERGED");
        browser.assertAccessible();
    }
}
