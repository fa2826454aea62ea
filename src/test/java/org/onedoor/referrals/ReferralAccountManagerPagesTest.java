package org.onedoor.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.calendar.TimeDisplay;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.referrals.ReferralFixtures.Pair;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.onedoor.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * Shows the business's account manager and concierge choice on the referral page and the refer form, and the open
 * referrals of the manager's businesses on the portfolio page. The account manager works at the sending partner.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReferralAccountManagerPagesTest {

    /** The zone of the offices that {@link ReferralFixtures} creates, in which both partners' staff read times. */
    private static final ZoneId OFFICE_ZONE = ZoneId.of("America/Indiana/Indianapolis");

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

    Pair pair;
    long serviceId;
    UserAccount manager;
    UserAccount senderAccount;
    UserAccount receiverAccount;
    ApiClient partnerAdministrator;

    @BeforeEach
    void setUp() {
        pair = ReferralFixtures.pair(jdbc);
        serviceId = pair.receiver().serviceId();
        ReferralFixtures.capacity(jdbc, serviceId, 5, 5, 0);
        manager = ReferralFixtures.account(accounts, Role.STAFF, pair.senderPartnerId());
        senderAccount = ReferralFixtures.account(accounts, Role.STAFF, pair.senderPartnerId());
        receiverAccount = ReferralFixtures.account(accounts, Role.STAFF, pair.receiver().partnerId());
        partnerAdministrator = ReferralFixtures.api(port, ReferralFixtures.account(accounts,
                Role.PARTNER_ADMINISTRATOR, pair.senderPartnerId()));
    }

    @Test
    void referralPageShowsManagerAndRoute() {
        long businessId = managedBusiness("THROUGH_ACCOUNT_MANAGER");
        long id = send(businessId);

        String html = page(receiverAccount, "/referrals/" + id);

        assertThat(html).contains("id=\"referral-account-manager\"")
                .contains(manager.displayName())
                .contains("id=\"referral-concierge\"")
                .contains("Contact it: through the account manager.")
                .doesNotContain("id=\"referral-no-concierge\"");
    }

    @Test
    void referralPageShowsDirectRoute() {
        long businessId = managedBusiness("DIRECT_WITH_KNOWLEDGE");
        long id = send(businessId);

        String html = page(receiverAccount, "/referrals/" + id);

        assertThat(html).contains("Contact it: directly, with the account manager informed.");
    }

    @Test
    void referralPageWithoutManagerSaysSo() {
        long id = send(ReferralFixtures.business(registry, jdbc));

        String html = page(receiverAccount, "/referrals/" + id);

        assertThat(html).contains("The business has no account manager.")
                .contains("id=\"referral-no-concierge\"")
                .doesNotContain("id=\"referral-concierge\"");
    }

    @Test
    void managerWithoutConciergeMeansDirectContact() {
        long businessId = ReferralFixtures.business(registry, jdbc);
        assign(businessId);
        long id = send(businessId);

        String html = page(receiverAccount, "/referrals/" + id);

        assertThat(html).contains(manager.displayName())
                .contains("id=\"referral-no-concierge\"")
                .doesNotContain("id=\"referral-concierge\"");
    }

    @Test
    void referFormSaysBusinessChoseConcierge() {
        long businessId = managedBusiness("THROUGH_ACCOUNT_MANAGER");

        String html = page(senderAccount, "/referrals/new?business=" + businessId + "&service=" + serviceId);

        assertThat(html).contains("id=\"refer-concierge\"")
                .contains("This business chose concierge service")
                .contains("Its account manager, " + manager.displayName())
                .contains(pair.receiver().partnerName() + " must contact the business: through the account manager.");
    }

    @Test
    void referFormWithoutConciergeHasNoNotice() {
        long businessId = ReferralFixtures.business(registry, jdbc);
        assign(businessId);

        String html = page(senderAccount, "/referrals/new?business=" + businessId + "&service=" + serviceId);

        assertThat(html).contains("id=\"refer-form\"").doesNotContain("id=\"refer-concierge\"");
    }

    @Test
    void portfolioListsOpenReferralsOfManagedBusinesses() {
        long managed = managedBusiness("DIRECT_WITH_KNOWLEDGE");
        long open = send(managed);
        long rejected = send(managed);
        HttpResponse<String> reject = ReferralFixtures.post(ReferralFixtures.api(port, receiverAccount),
                "/api/v1/referrals/" + rejected + "/status",
                "{\"status\": \"rejected\", \"reasonCode\": \"outside_service_area\", \"reasonText\": \"Too far.\"}");
        assertThat(reject.statusCode()).as(reject.body()).isEqualTo(200);
        long otherBusiness = send(ReferralFixtures.business(registry, jdbc));

        String html = page(manager, "/portfolio");

        String row = html.substring(html.indexOf("id=\"portfolio-referral-" + open + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains(">Requested<")
                .contains(pair.receiver().partnerName())
                .contains(TimeDisplay.format(dueAt(open), OFFICE_ZONE))
                .doesNotContain("Overdue");
        assertThat(html).doesNotContain("id=\"portfolio-referral-" + rejected + "\"")
                .doesNotContain("id=\"portfolio-referral-" + otherBusiness + "\"")
                .doesNotContain("id=\"no-open-referrals\"");
    }

    @Test
    void portfolioMarksOverdueReferral() {
        long id = send(managedBusiness("DIRECT_WITH_KNOWLEDGE"));
        jdbc.sql("""
                        UPDATE referral_deadline SET due_at = now() - interval '1 hour'
                        WHERE referral_id = :id AND deadline = 'RESPONSE'""")
                .param("id", id)
                .update();

        String html = page(manager, "/portfolio");

        String row = html.substring(html.indexOf("id=\"portfolio-referral-" + id + "\""));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("Overdue");
    }

    @Test
    void portfolioWithoutReferralsSaysSo() {
        managedBusiness("DIRECT_WITH_KNOWLEDGE");

        assertThat(page(manager, "/portfolio")).contains("id=\"no-open-referrals\"");
    }

    /** Registers a business managed by {@link #manager} that chose concierge service with the given route. */
    private long managedBusiness(String route) {
        long businessId = ReferralFixtures.business(registry, jdbc);
        assign(businessId);
        HttpResponse<String> concierge = ReferralFixtures.api(port, senderAccount).putJson(
                "/api/v1/businesses/" + businessId + "/concierge",
                "{\"concierge\": true, \"contactRoute\": \"" + route + "\"}");
        assertThat(concierge.statusCode()).as(concierge.body()).isEqualTo(200);
        return businessId;
    }

    private void assign(long businessId) {
        HttpResponse<String> assigned = partnerAdministrator.putJson(
                "/api/v1/businesses/" + businessId + "/account-manager", "{\"userId\": " + manager.id() + "}");
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
    }

    private long send(long businessId) {
        HttpResponse<String> response = ReferralFixtures.post(ReferralFixtures.api(port, senderAccount),
                "/api/v1/referrals", ReferralFixtures.complete(businessId, serviceId, pair.receiver().officeId()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asLong();
    }

    private String page(UserAccount account, String path) {
        HttpResponse<String> response = WebSession.signIn(port, account.email(), TestAccounts.PASSWORD).get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private Instant dueAt(long referralId) {
        return jdbc.sql("SELECT due_at FROM referral_deadline WHERE referral_id = :id AND deadline = 'RESPONSE'")
                .param("id", referralId)
                .query(Instant.class)
                .single();
    }
}
