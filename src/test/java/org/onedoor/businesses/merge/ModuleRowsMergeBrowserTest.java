package org.onedoor.businesses.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onedoor.businesses.merge.MergeFixtures.business;
import static org.onedoor.businesses.merge.MergeFixtures.uniqueWord;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.businesses.DuplicateCheck;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
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
 * Merges two businesses with referrals, needs, account managers and assessments in headless Chromium, and checks
 * that the merge page, the list of merges and the pages of the moved records show the merge and pass axe.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModuleRowsMergeBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    DuplicateCheck check;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

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
    void mergePagesShowMovedRecords() {
        String word = uniqueWord();
        long survivor = business(check, jdbc, word + " Millwork LLC", null, null, "70");
        long other = business(check, jdbc, word + " Millwork Shop", null, null, "72");
        ModuleRowFixtures fixtures = new ModuleRowFixtures(jdbc, accounts);
        TestPartner partner = DirectoryFixtures.createPartner(jdbc);
        UserAccount keptManager = fixtures.staff(partner);
        UserAccount endedManager = fixtures.staff(partner);
        long admin = MergeFixtures.adminId(jdbc);
        fixtures.referral(other, partner, endedManager);
        fixtures.assign(survivor, keptManager, admin);
        fixtures.assign(other, endedManager, admin);
        fixtures.need(survivor, partner, "RECRUITMENT");
        fixtures.need(other, partner, "RECRUITMENT");
        fixtures.assessment(survivor, partner, admin, 10);
        fixtures.assessment(other, partner, admin, 1);

        browser.open("/businesses/" + survivor + "/merge/" + other);
        browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("move-preview")));
        assertThat(browser.driver.findElement(By.id("move-preview")).getText())
                .contains("Referrals", "Both have an active account manager", "closed as joined");
        browser.assertAccessible();
        browser.driver.findElement(By.id("merge-button")).click();

        browser.waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("page-alert")));
        assertThat(browser.driver.findElement(By.id("page-alert")).getText())
                .contains("It also moved", "referrals: 1", "needs: 1");
        browser.open("/businesses/" + survivor + "/merges");
        assertThat(browser.driver.findElement(By.id("merges")).getText())
                .contains("Referrals: 1", "Account manager assignments: 1", "Needs assessments: 1");
        browser.assertAccessible();
        browser.open("/businesses/" + survivor + "/account-manager");
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("Ended by merge");
        browser.assertAccessible();
        browser.open("/businesses/" + survivor + "/needs");
        assertThat(browser.driver.findElement(By.id("closed-needs")).findElement(By.xpath("following-sibling::ul"))
                .getText()).contains("joined into the open need of the same type");
        browser.assertAccessible();
        browser.open("/businesses/" + survivor + "/assessment");
        assertThat(browser.driver.findElement(By.id("set-aside-assessments")).getText())
                .contains("1 assessment(s) came from a business merged into this one");
        browser.assertAccessible();
    }
}
