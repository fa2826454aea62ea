package org.onedoor.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.referrals.ReferralFixtures.Pair;
import org.onedoor.support.ApiClient;
import org.onedoor.support.Browser;
import org.onedoor.support.TestAccounts;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * Runs axe in Chromium on the referral pages with time limits, an overdue referral and a concierge business: the
 * refer form, the referral page, the inbox, the sent list and the account manager's portfolio. USWDS tags show
 * their text in capitals, so the tag checks ignore case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReferralTimeLimitsBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessRegistry registry;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JsonMapper json;

    @Test
    void pagesWithTimeLimitsAreAccessible() throws Exception {
        Pair pair = ReferralFixtures.pair(jdbc);
        long serviceId = pair.receiver().serviceId();
        ReferralFixtures.capacity(jdbc, serviceId, 4, 4, 0);
        UserAccount manager = ReferralFixtures.account(accounts, Role.STAFF, pair.senderPartnerId());
        UserAccount sender = ReferralFixtures.account(accounts, Role.STAFF, pair.senderPartnerId());
        UserAccount receiver = ReferralFixtures.account(accounts, Role.STAFF, pair.receiver().partnerId());
        ApiClient senderApi = ReferralFixtures.api(port, sender);
        long businessId = ReferralFixtures.business(registry, jdbc);
        HttpResponse<String> assigned = ReferralFixtures.api(port, ReferralFixtures.account(accounts,
                        Role.PARTNER_ADMINISTRATOR, pair.senderPartnerId()))
                .putJson("/api/v1/businesses/" + businessId + "/account-manager", "{\"userId\": " + manager.id() + "}");
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        HttpResponse<String> concierge = senderApi.putJson("/api/v1/businesses/" + businessId + "/concierge",
                "{\"concierge\": true, \"contactRoute\": \"THROUGH_ACCOUNT_MANAGER\"}");
        assertThat(concierge.statusCode()).as(concierge.body()).isEqualTo(200);
        long onTime = send(senderApi, businessId, serviceId, pair);
        long overdue = send(senderApi, businessId, serviceId, pair);
        jdbc.sql("""
                        UPDATE referral_deadline SET due_at = now() - interval '1 hour'
                        WHERE referral_id = :id AND deadline = 'RESPONSE'""")
                .param("id", overdue)
                .update();

        try (Browser browser = new Browser(port)) {
            browser.signIn(sender.email(), TestAccounts.PASSWORD);
            browser.open("/referrals/new?business=" + businessId + "&service=" + serviceId);
            assertThat(browser.driver.findElement(By.id("refer-concierge")).getText())
                    .contains("This business chose concierge service");
            browser.assertAccessible();

            browser.open("/referrals/sent");
            assertThat(browser.driver.findElement(By.id("overdue-" + overdue)).getText()).isEqualToIgnoringCase("Overdue");
            browser.assertAccessible();

            browser.open("/referrals/" + overdue);
            assertThat(browser.driver.findElement(By.id("time-limit-response")).getText()).containsIgnoringCase("Overdue");
            assertThat(browser.driver.findElement(By.id("referral-concierge")).getText())
                    .contains("through the account manager");
            browser.assertAccessible();

            browser.signIn(receiver.email(), TestAccounts.PASSWORD);
            browser.open("/referrals/inbox");
            assertThat(browser.driver.findElement(By.id("inbox-row-" + onTime)).getText()).doesNotContainIgnoringCase("Overdue");
            assertThat(browser.driver.findElement(By.id("overdue-" + overdue)).isDisplayed()).isTrue();
            browser.assertAccessible();

            browser.signIn(manager.email(), TestAccounts.PASSWORD);
            browser.open("/portfolio");
            assertThat(browser.driver.findElement(By.id("portfolio-referral-" + overdue)).getText()).containsIgnoringCase("Overdue");
            assertThat(browser.driver.findElement(By.id("portfolio-referral-" + onTime)).getText())
                    .containsIgnoringCase("Requested");
            browser.assertAccessible();
        }
    }

    private long send(ApiClient api, long businessId, long serviceId, Pair pair) {
        HttpResponse<String> response = ReferralFixtures.post(api, "/api/v1/referrals",
                ReferralFixtures.complete(businessId, serviceId, pair.receiver().officeId()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asLong();
    }
}
