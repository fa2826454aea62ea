package org.onedoor.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.demand.DemandFixtures.Area;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.ApiClient;
import org.onedoor.support.Browser;
import org.onedoor.support.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A business walks in at Adult Education. Staff log the contact, complete the shared assessment and offer the job
 * center's WIOA Title I service for the need it raised. They send the referral, and the job center's staff see it
 * in their inbox. Every page on the way passes axe.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WalkInBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessRegistry registry;

    @Autowired
    UserAccounts accounts;

    private void rename(long partnerId, String name) {
        jdbc.sql("UPDATE partner SET name = :name WHERE id = :id").param("name", name).param("id", partnerId).update();
    }

    @Test
    void walkInAtAdultEducationEndsInReferral() throws Exception {
        Area area = DemandFixtures.area(jdbc);
        String suffix = DemandFixtures.unique();
        long adultEducation = area.partner().partnerId();
        rename(adultEducation, "Adult Education " + suffix);
        TestPartner jobCenter = DemandFixtures.secondPartner(jdbc, area.areaId());
        rename(jobCenter.partnerId(), "Job center " + suffix);
        String serviceName = "WIOA Title I Adult recruitment " + suffix;
        long serviceId = DemandFixtures.service(jdbc, jobCenter, serviceName, "workforce-recruitment");
        DemandFixtures.capacity(jdbc, serviceId, 4, 10);

        long businessId = DemandFixtures.business(registry, area.countyFips());
        String businessName = jdbc.sql("SELECT legal_name FROM business WHERE id = :id").param("id", businessId)
                .query(String.class).single();
        jdbc.sql("""
                        INSERT INTO business_contact (business_id, name, email, preferred_method)
                        VALUES (:id, 'Dana Example', 'dana@example.com', 'EMAIL')""")
                .param("id", businessId)
                .update();
        UserAccount adultStaff = DemandFixtures.account(accounts, Role.STAFF, adultEducation);
        UserAccount jobCenterStaff = DemandFixtures.account(accounts, Role.STAFF, jobCenter.partnerId());
        // The profile already records the size, so the assessment shows that question as answered.
        ApiClient adultApi = DemandFixtures.api(port, adultStaff);
        HttpResponse<String> patched = adultApi.send(adultApi.request("/api/v1/businesses/" + businessId)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"employeeBand\": \"20-49\"}"))
                .build());
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);

        try (Browser browser = new Browser(port)) {
            browser.signIn(adultStaff.email(), TestAccounts.PASSWORD);

            // The walk-in is logged as a done visit, which leads to the needs page for its offer or reason.
            browser.open("/businesses/" + businessId + "/contacts/new");
            browser.assertAccessible();
            new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("kind"))).selectByValue("VISIT");
            new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("purpose")))
                    .selectByValue("INFORMATION");
            browser.driver.findElement(By.cssSelector("label[for=status-DONE]")).click();
            browser.replace("summary", "Walked in to ask for help hiring machine operators.");
            browser.driver.findElement(By.id("save-contact")).click();
            browser.waitFor(WAIT).until(ExpectedConditions.urlContains("/needs?contact="));
            long contactId = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*contact=", ""));
            assertThat(browser.driver.findElement(By.id("no-offer-contact")).getAttribute("value"))
                    .isEqualTo(String.valueOf(contactId));
            browser.assertAccessible();

            // The shared assessment shows the size as answered and raises the hiring need.
            browser.open("/businesses/" + businessId + "/assessment");
            assertThat(browser.driver.findElement(By.id("answer-employee-band")).getText())
                    .contains("Answered in the business profile").contains("20-49");
            browser.assertAccessible();
            browser.driver.findElement(By.cssSelector("label[for=answer-hard-to-fill-0]")).click();
            browser.driver.findElement(By.xpath("//button[text()='Complete the assessment']")).click();
            browser.waitFor(WAIT).until(ExpectedConditions.urlContains("/needs"));
            assertThat(browser.driver.findElement(By.tagName("main")).getText())
                    .contains("Completed the needs assessment").contains("Find and hire workers");
            browser.assertAccessible();

            // The offer is made at the walk-in contact, and the business accepts the job center's service.
            browser.open("/businesses/" + businessId + "/needs?contact=" + contactId);
            browser.driver.findElement(By.xpath("//tr[th[text()='Find and hire workers']]//a")).click();
            assertThat(browser.driver.findElement(By.id("matching-services")).getText()).contains(serviceName)
                    .contains("4 of 10");
            assertThat(browser.driver.findElement(By.id("contactId")).getAttribute("value"))
                    .isEqualTo(String.valueOf(contactId));
            browser.assertAccessible();
            browser.driver.findElement(By.cssSelector("label[for=serviceIds]")).click();
            browser.driver.findElement(By.cssSelector("label[for=answer]")).click();
            browser.driver.findElement(By.cssSelector("label[for=followUp]")).click();
            browser.driver.findElement(By.cssSelector("main form button[type=submit]")).click();

            // The refer form opens for that business, service and need.
            browser.waitFor(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("refer-form")));
            assertThat(browser.driver.getCurrentUrl()).contains("service=" + serviceId).contains("needCode=HIRE");
            browser.assertAccessible();
            browser.driver.findElement(By.cssSelector("label[for=consentGiven]")).click();
            browser.replace("handOffNote", "Dana is hiring machine operators and expects your call.");
            ((JavascriptExecutor) browser.driver).executeScript(
                    "document.getElementById('expectedFirstContactDate').value = arguments[0]",
                    LocalDate.now(ZoneId.of("America/Chicago")).plusDays(2).toString());
            browser.driver.findElement(By.cssSelector("#refer-form button[type=submit]")).click();
            browser.waitFor(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
            long referralId = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/referrals/", ""));
            browser.assertAccessible();

            assertThat(jdbc.sql("SELECT referral_id FROM need_offer WHERE contact_id = :id")
                    .param("id", contactId).query(Long.class).single()).isEqualTo(referralId);
            browser.open("/contacts/without-offer");
            assertThat(browser.driver.findElements(By.cssSelector("[data-contact-id='" + contactId + "']")))
                    .isEmpty();
            browser.assertAccessible();

            // The job center's staff find the referral in their inbox.
            browser.signIn(jobCenterStaff.email(), TestAccounts.PASSWORD);
            browser.open("/referrals/inbox");
            assertThat(browser.driver.findElement(By.id("inbox-row-" + referralId)).getText()).contains(businessName);
            browser.assertAccessible();
        }
    }
}
