package org.onedoor.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onedoor.engagement.EngagementFixtures.api;
import static org.onedoor.engagement.EngagementFixtures.notices;
import static org.onedoor.engagement.EngagementFixtures.post;
import static org.onedoor.engagement.EngagementFixtures.put;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Records and plans contacts over HTTP across two partners: the coordination check, its requests and outreach. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContactLogApiTest {

    private static final ZoneId INDIANA = ZoneId.of("America/Indiana/Indianapolis");

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

    /** Returns a local time in the test offices' zone, the given number of days from today, at 10:00. */
    private static String daysFromNow(int days) {
        return LocalDate.now(INDIANA).plusDays(days) + "T10:00";
    }

    private static String visit(String when, String extra) {
        return "{\"kind\": \"VISIT\", \"purpose\": \"SALES_VISIT\", \"status\": \"PLANNED\", \"summary\": "
                + "\"Present on-the-job training\", \"occurredAt\": \"" + when + "\"" + extra + "}";
    }

    @Test
    void plannedVisitInWindowConflictsAcrossPartners() {
        TestPartner jobCenter = DirectoryFixtures.createPartner(jdbc);
        TestPartner college = DirectoryFixtures.createPartner(jdbc);
        UserAccount jobCenterStaff = EngagementFixtures.account(accounts, Role.STAFF, jobCenter.partnerId());
        UserAccount collegeStaff = EngagementFixtures.account(accounts, Role.STAFF, college.partnerId());
        long businessId = EngagementFixtures.business(registry);
        String path = "/api/v1/businesses/" + businessId + "/contacts";

        HttpResponse<String> first = post(api(port, jobCenterStaff), path, visit(daysFromNow(3), ""));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode firstContact = json.readTree(first.body());
        assertThat(firstContact.get("timeZone").asString()).isEqualTo("America/Indiana/Indianapolis");
        assertThat(firstContact.get("occurredAtLocal").asString()).startsWith(daysFromNow(3));

        HttpResponse<String> conflict = post(api(port, collegeStaff), path, visit(daysFromNow(5), ""));
        assertThat(conflict.statusCode()).as(conflict.body()).isEqualTo(409);
        JsonNode problem = json.readTree(conflict.body());
        assertThat(problem.get("recentContacts").size()).isEqualTo(1);
        assertThat(problem.get("recentContacts").get(0).get("partnerName").asString())
                .isEqualTo(jobCenter.partnerName());
        assertThat(problem.get("windowDays").asInt()).isEqualTo(30);

        HttpResponse<String> overridden = post(api(port, collegeStaff), path,
                visit(daysFromNow(5), ", \"overrideReason\": \"Layoff announced yesterday; Rapid Response asked us\""));
        assertThat(overridden.statusCode()).as(overridden.body()).isEqualTo(201);
        assertThat(json.readTree(overridden.body()).get("overrideReason").asString()).startsWith("Layoff announced");

        // A visit outside the window, and a contact that is not a coordinated plan, need no override.
        assertThat(post(api(port, collegeStaff), path, visit(daysFromNow(90), "")).statusCode()).isEqualTo(201);
        HttpResponse<String> call = post(api(port, collegeStaff), path, "{\"kind\": \"CALL\", \"purpose\": "
                + "\"FOLLOW_UP\", \"summary\": \"Asked about the job fair\"}");
        assertThat(call.statusCode()).as(call.body()).isEqualTo(201);
        assertThat(json.readTree(call.body()).get("status").asString()).isEqualTo("DONE");
    }

    @Test
    void plannedContactIsClosedByItsPartnerOnly() {
        TestPartner jobCenter = DirectoryFixtures.createPartner(jdbc);
        TestPartner college = DirectoryFixtures.createPartner(jdbc);
        UserAccount jobCenterStaff = EngagementFixtures.account(accounts, Role.STAFF, jobCenter.partnerId());
        UserAccount collegeStaff = EngagementFixtures.account(accounts, Role.STAFF, college.partnerId());
        long businessId = EngagementFixtures.business(registry);
        String path = "/api/v1/businesses/" + businessId + "/contacts";
        long planned = json.readTree(post(api(port, jobCenterStaff), path, visit(daysFromNow(2), "")).body())
                .get("id").asLong();
        String status = path + "/" + planned + "/status";

        assertThat(put(api(port, collegeStaff), status, "{\"status\": \"CANCELLED\"}").statusCode()).isEqualTo(403);
        assertThat(put(api(port, jobCenterStaff), status, "{\"status\": \"PLANNED\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> cancelled = put(api(port, jobCenterStaff), status, "{\"status\": \"CANCELLED\"}");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(put(api(port, jobCenterStaff), status, "{\"status\": \"DONE\"}").statusCode()).isEqualTo(409);

        // A cancelled plan no longer counts in the coordination check.
        assertThat(post(api(port, collegeStaff), path, visit(daysFromNow(3), "")).statusCode()).isEqualTo(201);
    }

    @Test
    void shorterAreaWindowLetsLaterVisitThrough() {
        TestPartner jobCenter = DirectoryFixtures.createPartner(jdbc);
        TestPartner college = DirectoryFixtures.createPartner(jdbc);
        UserAccount jobCenterStaff = EngagementFixtures.account(accounts, Role.STAFF, jobCenter.partnerId());
        UserAccount collegeStaff = EngagementFixtures.account(accounts, Role.STAFF, college.partnerId());
        long businessId = EngagementFixtures.business(registry);
        String path = "/api/v1/businesses/" + businessId + "/contact-log";
        ApiClient admin = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        String windowPath = "/api/v1/areas/" + college.areaId() + "/coordination-window";

        assertThat(put(api(port, collegeStaff), windowPath, "{\"windowDays\": 5}").statusCode()).isEqualTo(403);
        assertThat(put(admin, windowPath, "{\"windowDays\": 0}").statusCode()).isEqualTo(400);
        assertThat(put(admin, windowPath, "{\"windowDays\": 5}").statusCode()).isEqualTo(200);
        assertThat(json.readTree(api(port, collegeStaff).get(windowPath).body()).get("windowDays").asInt()).isEqualTo(5);

        assertThat(post(api(port, jobCenterStaff), path, visit(daysFromNow(1), "")).statusCode()).isEqualTo(201);
        assertThat(post(api(port, collegeStaff), path, visit(daysFromNow(10), "")).statusCode()).isEqualTo(201);
        assertThat(post(api(port, collegeStaff), path, visit(daysFromNow(4), "")).statusCode()).isEqualTo(409);
    }

    @Test
    void conflictingPlanGoesToAccountManager() {
        TestPartner jobCenter = DirectoryFixtures.createPartner(jdbc);
        TestPartner college = DirectoryFixtures.createPartner(jdbc);
        UserAccount jobCenterAdmin = EngagementFixtures.account(accounts, Role.PARTNER_ADMINISTRATOR, jobCenter.partnerId());
        UserAccount manager = EngagementFixtures.account(accounts, Role.STAFF, jobCenter.partnerId());
        UserAccount collegeStaff = EngagementFixtures.account(accounts, Role.STAFF, college.partnerId());
        long businessId = EngagementFixtures.business(registry);
        String path = "/api/v1/businesses/" + businessId + "/contact-log";
        put(api(port, jobCenterAdmin), "/api/v1/businesses/" + businessId + "/account-manager",
                "{\"userId\": " + manager.id() + "}");

        HttpResponse<String> own = post(api(port, manager), path, visit(daysFromNow(2), ""));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        long ownContactId = json.readTree(own.body()).get("id").asLong();
        // The manager's own second plan is not routed to themselves: it needs an override like any other.
        assertThat(post(api(port, manager), path, visit(daysFromNow(3), ", \"routeToAccountManager\": true"))
                .statusCode()).isEqualTo(409);

        HttpResponse<String> routed = post(api(port, collegeStaff), path,
                visit(daysFromNow(4), ", \"routeToAccountManager\": true"));
        assertThat(routed.statusCode()).as(routed.body()).isEqualTo(202);
        long requestId = json.readTree(routed.body()).get("request").get("id").asLong();
        assertThat(notices(jdbc, manager.id(), "Request to contact")).isEqualTo(1);
        assertThat(json.readTree(api(port, collegeStaff).get(path).body()).size()).isEqualTo(1);

        String decision = "/api/v1/coordination-requests/" + requestId + "/decision";
        assertThat(post(api(port, collegeStaff), decision, "{\"decision\": \"ACCEPT\"}").statusCode()).isEqualTo(403);
        assertThat(post(api(port, manager), decision, "{\"decision\": \"DECLINE\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> combined = post(api(port, manager), decision,
                "{\"decision\": \"COMBINE\", \"combineWithContactId\": " + ownContactId + "}");
        assertThat(combined.statusCode()).as(combined.body()).isEqualTo(200);
        assertThat(json.readTree(combined.body()).get("status").asString()).isEqualTo("COMBINED");
        assertThat(post(api(port, manager), decision, "{\"decision\": \"ACCEPT\"}").statusCode()).isEqualTo(409);
        assertThat(notices(jdbc, collegeStaff.id(), "was combined")).isEqualTo(1);

        JsonNode ownAfter = json.readTree(api(port, manager).get(path + "/" + ownContactId).body());
        assertThat(ownAfter.get("summary").asString()).contains("Combined with the plan of " + collegeStaff.displayName());

        HttpResponse<String> second = post(api(port, collegeStaff), path,
                visit(daysFromNow(6), ", \"routeToAccountManager\": true"));
        long secondRequest = json.readTree(second.body()).get("request").get("id").asLong();
        HttpResponse<String> accepted = post(api(port, manager),
                "/api/v1/coordination-requests/" + secondRequest + "/decision", "{\"decision\": \"ACCEPT\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        long createdContact = json.readTree(accepted.body()).get("contactId").asLong();
        JsonNode created = json.readTree(api(port, collegeStaff).get(path + "/" + createdContact).body());
        assertThat(created.get("staffUserId").asLong()).isEqualTo(collegeStaff.id());
        assertThat(created.get("status").asString()).isEqualTo("PLANNED");
    }

    @Test
    void partnerNoteIsHiddenFromOtherPartners() {
        TestPartner jobCenter = DirectoryFixtures.createPartner(jdbc);
        TestPartner college = DirectoryFixtures.createPartner(jdbc);
        UserAccount jobCenterStaff = EngagementFixtures.account(accounts, Role.STAFF, jobCenter.partnerId());
        UserAccount jobCenterColleague = EngagementFixtures.account(accounts, Role.STAFF, jobCenter.partnerId());
        UserAccount collegeStaff = EngagementFixtures.account(accounts, Role.STAFF, college.partnerId());
        long businessId = EngagementFixtures.business(registry);
        long person = EngagementFixtures.contactPerson(jdbc, businessId, "Dana Whitfield");
        String path = "/api/v1/businesses/" + businessId + "/contact-log";

        HttpResponse<String> recorded = post(api(port, jobCenterStaff), path, "{\"kind\": \"MEETING\", \"purpose\": "
                + "\"INFORMATION\", \"summary\": \"Explained WOTC\", \"contactPersonId\": " + person
                + ", \"partnerNote\": \"Owner mentioned cash-flow trouble\"}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        long contactId = json.readTree(recorded.body()).get("id").asLong();

        JsonNode ownView = json.readTree(api(port, jobCenterColleague).get(path).body()).get(0);
        assertThat(ownView.get("partnerNote").asString()).isEqualTo("Owner mentioned cash-flow trouble");
        assertThat(ownView.get("contactPersonName").asString()).isEqualTo("Dana Whitfield");

        String otherList = api(port, collegeStaff).get(path).body();
        assertThat(otherList).doesNotContain("cash-flow");
        assertThat(json.readTree(otherList).get(0).get("summary").asString()).isEqualTo("Explained WOTC");
        assertThat(api(port, collegeStaff).get(path + "/" + contactId).body()).doesNotContain("cash-flow");
        String adminView = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD).get(path).body();
        assertThat(adminView).doesNotContain("cash-flow");

        // A planned visit by the other partner shows the contact in the 409 without the note.
        String conflict = post(api(port, collegeStaff), path, visit(daysFromNow(2), "")).body();
        assertThat(conflict).contains("Explained WOTC").doesNotContain("cash-flow");
    }

    @Test
    void invalidContactsAreRejectedWithTheField() {
        TestPartner partner = DirectoryFixtures.createPartner(jdbc);
        UserAccount staff = EngagementFixtures.account(accounts, Role.STAFF, partner.partnerId());
        long businessId = EngagementFixtures.business(registry);
        long otherBusiness = EngagementFixtures.business(registry);
        long strangerPerson = EngagementFixtures.contactPerson(jdbc, otherBusiness, "Someone Else");
        String path = "/api/v1/businesses/" + businessId + "/contact-log";

        HttpResponse<String> missing = post(api(port, staff), path, "{\"kind\": \"CALL\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("purpose").contains("summary");

        // 02:30 on the second Sunday of March 2027 does not exist in Indiana, because clocks jump from 02:00 to 03:00.
        HttpResponse<String> gap = post(api(port, staff), path, visit("2027-03-14T02:30", ""));
        assertThat(gap.statusCode()).isEqualTo(400);
        assertThat(gap.body()).contains("does not exist");

        HttpResponse<String> futureDone = post(api(port, staff), path, "{\"kind\": \"CALL\", \"purpose\": "
                + "\"FOLLOW_UP\", \"summary\": \"x\", \"status\": \"DONE\", \"occurredAt\": \"" + daysFromNow(3) + "\"}");
        assertThat(futureDone.statusCode()).isEqualTo(400);
        assertThat(futureDone.body()).contains("in the future");

        HttpResponse<String> stranger = post(api(port, staff), path, "{\"kind\": \"CALL\", \"purpose\": "
                + "\"FOLLOW_UP\", \"summary\": \"x\", \"contactPersonId\": " + strangerPerson + "}");
        assertThat(stranger.statusCode()).isEqualTo(400);
        assertThat(stranger.body()).contains("contactPersonId");

        assertThat(post(api(port, staff), "/api/v1/businesses/999999999/contact-log", visit(daysFromNow(1), ""))
                .statusCode()).isEqualTo(404);
        assertThat(post(ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD), path,
                visit(daysFromNow(1), "")).statusCode()).isEqualTo(403);
    }

    @Test
    void outreachListLeavesOutRecentlyContactedBusinesses() {
        TestPartner jobCenter = DirectoryFixtures.createPartner(jdbc);
        TestPartner college = DirectoryFixtures.createPartner(jdbc);
        UserAccount jobCenterStaff = EngagementFixtures.account(accounts, Role.STAFF, jobCenter.partnerId());
        UserAccount collegeStaff = EngagementFixtures.account(accounts, Role.STAFF, college.partnerId());
        long quiet = EngagementFixtures.business(registry);
        long contacted = EngagementFixtures.business(registry);
        long confirmed = EngagementFixtures.business(registry);
        for (long businessId : new long[] {contacted, confirmed}) {
            assertThat(post(api(port, jobCenterStaff), "/api/v1/businesses/" + businessId + "/contact-log",
                    "{\"kind\": \"CALL\", \"purpose\": \"FOLLOW_UP\", \"summary\": \"Checked in\"}").statusCode())
                    .isEqualTo(201);
        }
        String list = "\"name\": \"Spring job fair invitation\", \"kind\": \"EMAIL\", \"purpose\": \"OUTREACH\", "
                + "\"plannedAt\": \"" + daysFromNow(7) + "\", \"businessIds\": [" + quiet + ", " + contacted + ", "
                + confirmed + "], \"confirmedBusinessIds\": [" + confirmed + "]";

        JsonNode preview = json.readTree(post(api(port, collegeStaff), "/api/v1/outreach-campaigns",
                "{" + list + ", \"preview\": true}").body());
        assertThat(preview.get("campaignId").isNull()).isTrue();
        assertThat(countPlanned(collegeStaff.id())).isZero();

        HttpResponse<String> created = post(api(port, collegeStaff), "/api/v1/outreach-campaigns", "{" + list + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode entries = json.readTree(created.body()).get("entries");
        assertThat(entries.get(0).get("included").asBoolean()).isTrue();
        assertThat(entries.get(0).get("reason").asString()).isEmpty();
        assertThat(entries.get(1).get("included").asBoolean()).isFalse();
        assertThat(entries.get(1).get("reason").asString()).contains(jobCenter.partnerName());
        assertThat(entries.get(2).get("included").asBoolean()).isTrue();
        assertThat(entries.get(2).get("confirmed").asBoolean()).isTrue();
        assertThat(countPlanned(collegeStaff.id())).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM outreach_exclusion WHERE business_id = :b")
                .param("b", contacted).query(Long.class).single()).isEqualTo(1);

        HttpResponse<String> unknown = post(api(port, collegeStaff), "/api/v1/outreach-campaigns",
                "{\"name\": \"x\", \"kind\": \"EMAIL\", \"purpose\": \"OUTREACH\", \"plannedAt\": \""
                        + daysFromNow(7) + "\", \"businessIds\": [999999999]}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("999999999");
    }

    private long countPlanned(long userId) {
        return jdbc.sql("SELECT count(*) FROM contact_log WHERE staff_user_id = :u AND campaign_id IS NOT NULL")
                .param("u", userId)
                .query(Long.class)
                .single();
    }
}
