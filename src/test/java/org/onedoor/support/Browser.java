package org.onedoor.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * Debian's headless Chromium driven through its ChromeDriver, with a fresh profile folder, plus an axe
 * accessibility check against WCAG 2.1 level AA.
 */
public final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("onedoor.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("onedoor.chromedriver", "/usr/bin/chromedriver");

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    public final WebDriver driver;
    private final Path profile;
    private final String baseUrl;

    public Browser(int port) throws IOException {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.profile = Files.createTempDirectory("onedoor-chromium-");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1024");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // A click on a submit button can return before the next page has loaded, so element look-ups poll for up
        // to 10 seconds instead of failing at once.
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    /** Replaces the text of the input with this id. */
    public void replace(String id, String value) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    /** Signs in afresh, dropping any earlier session first. */
    public void signIn(String email, String password) {
        driver.manage().deleteAllCookies();
        open("/sign-in");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("main button[type=submit]")).click();
        waitFor(Duration.ofSeconds(15)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/sign-in")));
    }

    public WebDriverWait waitFor(Duration limit) {
        return new WebDriverWait(driver, limit);
    }

    /** Runs axe on the current page and fails with each WCAG 2.1 A or AA violation and its elements. */
    public void assertAccessible() {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        List<Rule> violations = results.getViolations();
        String report = violations.stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        assertThat(violations).as("axe WCAG 2.1 AA violations on %s:%n%s", driver.getCurrentUrl(), report).isEmpty();
    }

    /** Saves a PNG of the current page under {@code target/screenshots}, for a person to look at. */
    public void screenshot(String name) throws IOException {
        Path folder = Path.of("target", "screenshots");
        Files.createDirectories(folder);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), folder.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }
}
