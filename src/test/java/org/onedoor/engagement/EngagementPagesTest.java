package org.onedoor.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onedoor.engagement.EngagementFixtures.api;
import static org.onedoor.engagement.EngagementFixtures.post;
import static org.onedoor.engagement.EngagementFixtures.put;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.TestAccounts;
import org.onedoor.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads and submits the engagement pages over HTTP as staff of two partners. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngagementPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessRegistry registry;

    @Autowired
    UserAccounts accounts;

    @Test
    void partnerNoteStaysWithItsPartnerOnPages() {
        TestPartner jobCenter = DirectoryFixtures.createPartner(jdbc);
        TestPartner college = DirectoryFixtures.createPartner(jdbc);
        UserAccount jobCenterStaff = EngagementFixtures.account(accounts, Role.STAFF, jobCenter.partnerId());
        UserAccount collegeAdmin = EngagementFixtures.account(accounts, Role.PARTNER_ADMINISTRATOR, college.partnerId());
        UserAccount collegeManager = EngagementFixtures.account(accounts, Role.STAFF, college.partnerId());
        long businessId = EngagementFixtures.business(registry);
        put(api(port, collegeAdmin), "/api/v1/businesses/" + businessId + "/account-manager",
                "{\"userId\": " + collegeManager.id() + "}");
        HttpResponse<String> recorded = post(api(port, jobCenterStaff), "/api/v1/businesses/" + businessId
                + "/contact-log", "{\"kind\": \"CALL\", \"purpose\": \"FOLLOW_UP\", \"summary\": \"Talked about "
                + "summer hiring\", \"partnerNote\": \"Owner is unhappy with our last referral\"}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);

        WebSession own = WebSession.signIn(port, jobCenterStaff.email(), TestAccounts.PASSWORD);
        String ownPanel = own.get("/businesses/" + businessId + "/engagement/panel").body();
        assertThat(ownPanel).contains("Talked about summer hiring").contains("Owner is unhappy");

        WebSession other = WebSession.signIn(port, collegeManager.email(), TestAccounts.PASSWORD);
        String otherPanel = other.get("/businesses/" + businessId + "/engagement/panel").body();
        assertThat(otherPanel).contains("Talked about summer hiring").contains(collegeManager.displayName())
                .doesNotContain("Owner is unhappy");
        String portfolio = other.get("/portfolio").body();
        assertThat(portfolio).contains("Talked about summer hiring").doesNotContain("Owner is unhappy");
        assertThat(other.get("/businesses/" + businessId + "/contacts/new").body())
                .contains("Talked about summer hiring").doesNotContain("Owner is unhappy");
    }

    @Test
    void contactFormShowsConflictWithoutAccountManager() {
        TestPartner jobCenter = DirectoryFixtures.createPartner(jdbc);
        TestPartner college = DirectoryFixtures.createPartner(jdbc);
        UserAccount jobCenterStaff = EngagementFixtures.account(accounts, Role.STAFF, jobCenter.partnerId());
        UserAccount collegeStaff = EngagementFixtures.account(accounts, Role.STAFF, college.partnerId());
        long businessId = EngagementFixtures.business(registry);
        String date = LocalDate.now(ZoneId.of("America/Indiana/Indianapolis")).plusDays(2).toString();
        post(api(port, jobCenterStaff), "/api/v1/businesses/" + businessId + "/contact-log", "{\"kind\": \"VISIT\", "
                + "\"purpose\": \"NEEDS_ASSESSMENT\", \"status\": \"PLANNED\", \"summary\": \"Assessment\", "
                + "\"occurredAt\": \"" + date + "T09:00\"}");

        WebSession session = WebSession.signIn(port, collegeStaff.email(), TestAccounts.PASSWORD);
        String formPage = "/businesses/" + businessId + "/contacts/new";
        Map<String, String> visit = Map.of("kind", "VISIT", "purpose", "SALES_VISIT", "status", "PLANNED",
                "date", date, "time", "13:00", "summary", "Present tax credits");
        HttpResponse<String> conflict = session.postForm(formPage, formPage, visit);
        assertThat(conflict.statusCode()).isEqualTo(200);
        assertThat(conflict.body()).contains("coordination window").contains("Give a reason to override");
        assertThat(countContacts(businessId)).isEqualTo(1);

        Map<String, String> overridden = new java.util.HashMap<>(visit);
        overridden.put("overrideReason", "The business asked for us by name");
        HttpResponse<String> saved = session.postForm(formPage, formPage, overridden);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(countContacts(businessId)).isEqualTo(2);

        HttpResponse<String> missing = session.postForm(formPage, formPage, Map.of("kind", "CALL",
                "purpose", "FOLLOW_UP", "status", "DONE", "summary", ""));
        assertThat(missing.body()).contains("Summary is missing");
    }

    @Test
    void staffCannotAssignAccountManagerOnPage() {
        TestPartner partner = DirectoryFixtures.createPartner(jdbc);
        UserAccount staff = EngagementFixtures.account(accounts, Role.STAFF, partner.partnerId());
        long businessId = EngagementFixtures.business(registry);

        WebSession session = WebSession.signIn(port, staff.email(), TestAccounts.PASSWORD);
        String page = "/businesses/" + businessId + "/account-manager";
        assertThat(session.get(page).body()).doesNotContain("Assign an account manager");
        HttpResponse<String> denied = session.postForm(page, page, Map.of("manager", "user-" + staff.id()));
        assertThat(denied.statusCode()).isIn(302, 403);
        assertThat(jdbc.sql("SELECT count(*) FROM account_manager WHERE business_id = :b").param("b", businessId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void partnerAdministratorCreatesTeamOnPage() {
        TestPartner partner = DirectoryFixtures.createPartner(jdbc);
        UserAccount partnerAdmin = EngagementFixtures.account(accounts, Role.PARTNER_ADMINISTRATOR, partner.partnerId());
        UserAccount lead = EngagementFixtures.account(accounts, Role.STAFF, partner.partnerId());
        String teamName = "Manufacturing team " + EngagementFixtures.unique();

        WebSession session = WebSession.signIn(port, partnerAdmin.email(), TestAccounts.PASSWORD);
        HttpResponse<String> missingLead = session.postForm("/admin/account-teams", "/admin/account-teams",
                Map.of("name", teamName));
        assertThat(missingLead.body()).contains("Lead is missing");
        HttpResponse<String> created = session.postForm("/admin/account-teams", "/admin/account-teams",
                Map.of("name", teamName, "leadUserId", String.valueOf(lead.id())));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(session.get("/admin/account-teams").body()).contains(teamName);

        WebSession staff = WebSession.signIn(port, lead.email(), TestAccounts.PASSWORD);
        assertThat(staff.get("/admin/account-teams").statusCode()).isEqualTo(403);
    }

    private long countContacts(long businessId) {
        return jdbc.sql("SELECT count(*) FROM contact_log WHERE business_id = :b").param("b", businessId)
                .query(Long.class).single();
    }
}
