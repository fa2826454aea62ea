package org.onedoor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onedoor.support.Browser;
import org.onedoor.support.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Signs in through a real browser and checks the shell pages: layout, navigation and accessibility.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShellPagesBrowserTest {

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
    void signInPageIsAccessible() {
        browser.driver.manage().deleteAllCookies();
        browser.open("/sign-in");

        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in to OneDoor");
        browser.assertAccessible();
    }

    @Test
    void signedInPagesShowNavigationAndPassAxe() throws Exception {
        browser.signIn(TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);

        for (String path : new String[] {"/", "/admin", "/admin/users", "/account/password"}) {
            browser.open(path);
            assertThat(browser.driver.findElements(By.cssSelector("nav.usa-nav a.usa-nav-link")))
                    .extracting(link -> link.getAttribute("textContent").strip())
                    .as("navigation on %s", path)
                    .containsExactly("Businesses", "Portfolio", "Referrals", "Directory", "Imports", "Admin");
            browser.assertAccessible();
        }
        browser.open("/");
        browser.screenshot("home");
    }

    @Test
    void formErrorsAreTiedToTheirFields() {
        browser.signIn(TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        browser.open("/admin/users");

        browser.driver.findElement(By.id("displayName")).sendKeys("Browser Test");
        browser.driver.findElement(By.id("email")).sendKeys("browser.short@onedoor.test");
        new Select(browser.driver.findElement(By.id("role"))).selectByValue("ADMINISTRATOR");
        browser.driver.findElement(By.id("password")).sendKeys("short");
        browser.driver.findElement(By.cssSelector("form.usa-form button[type=submit]")).click();

        browser.waitFor(Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("password-error")));
        assertThat(browser.driver.findElement(By.id("password-error")).getText()).contains("at least 12 characters");
        assertThat(browser.driver.findElement(By.id("password")).getAttribute("aria-describedby")).contains("password-error");
        browser.assertAccessible();
    }
}
