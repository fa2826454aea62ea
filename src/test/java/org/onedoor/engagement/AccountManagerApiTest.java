package org.onedoor.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onedoor.engagement.EngagementFixtures.api;
import static org.onedoor.engagement.EngagementFixtures.notices;
import static org.onedoor.engagement.EngagementFixtures.mails;
import static org.onedoor.engagement.EngagementFixtures.put;

import java.net.http.HttpResponse;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.referrals.ReferralEvent;
import org.onedoor.referrals.ReferralStatus;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Assigns, hands over and reads account managers over HTTP, and checks who is notified. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountManagerApiTest {

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

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void assigningWhileActiveConflictsUntilHandOver() {
        TestPartner partner = DirectoryFixtures.createPartner(jdbc);
        UserAccount partnerAdmin = EngagementFixtures.account(accounts, Role.PARTNER_ADMINISTRATOR, partner.partnerId());
        UserAccount first = EngagementFixtures.account(accounts, Role.STAFF, partner.partnerId());
        UserAccount second = EngagementFixtures.account(accounts, Role.STAFF, partner.partnerId());
        long businessId = EngagementFixtures.business(registry);
        String path = "/api/v1/businesses/" + businessId + "/account-manager";

        HttpResponse<String> assigned = put(api(port, partnerAdmin), path,
                "{\"userId\": " + first.id() + ", \"reason\": \"Largest employer in the county\"}");
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);

        HttpResponse<String> conflict = put(api(port, partnerAdmin), path, "{\"userId\": " + second.id() + "}");
        assertThat(conflict.statusCode()).as(conflict.body()).isEqualTo(409);
        JsonNode problem = json.readTree(conflict.body());
        assertThat(problem.get("activeAccountManager").get("userId").asLong()).isEqualTo(first.id());
        assertThat(problem.get("detail").asString()).contains(first.displayName());

        HttpResponse<String> withoutReason = put(api(port, first), path,
                "{\"userId\": " + second.id() + ", \"handOver\": true}");
        assertThat(withoutReason.statusCode()).as(withoutReason.body()).isEqualTo(400);

        HttpResponse<String> handOver = put(api(port, first), path,
                "{\"userId\": " + second.id() + ", \"handOver\": true, \"reason\": \"Moving to the college team\"}");
        assertThat(handOver.statusCode()).as(handOver.body()).isEqualTo(200);
        assertThat(json.readTree(handOver.body()).get("userId").asLong()).isEqualTo(second.id());

        JsonNode view = json.readTree(api(port, second).get(path).body());
        assertThat(view.get("current").get("userId").asLong()).isEqualTo(second.id());
        JsonNode history = view.get("history");
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).get("from").asString()).isEqualTo(first.displayName());
        assertThat(history.get(0).get("to").asString()).isEqualTo(second.displayName());
        assertThat(history.get(0).get("changedByName").asString()).isEqualTo(first.displayName());
        assertThat(history.get(0).get("reason").asString()).isEqualTo("Moving to the college team");
        assertThat(history.get(1).get("endedAt").isNull()).isFalse();

        assertThat(notices(jdbc, second.id(), "You are now the account manager")).isEqualTo(1);
        assertThat(notices(jdbc, first.id(), "You are no longer the account manager")).isEqualTo(1);
        assertThat(mails(jdbc, second.email(), "You are now the account manager")).isEqualTo(1);
        assertThat(mails(jdbc, first.email(), "You are no longer the account manager")).isEqualTo(1);
    }

    @Test
    void onlyPartnerAdministratorsOrTheManagerAssign() {
        TestPartner partner = DirectoryFixtures.createPartner(jdbc);
        TestPartner other = DirectoryFixtures.createPartner(jdbc);
        UserAccount staff = EngagementFixtures.account(accounts, Role.STAFF, partner.partnerId());
        UserAccount colleague = EngagementFixtures.account(accounts, Role.STAFF, partner.partnerId());
        UserAccount otherAdmin = EngagementFixtures.account(accounts, Role.PARTNER_ADMINISTRATOR, other.partnerId());
        long businessId = EngagementFixtures.business(registry);
        String path = "/api/v1/businesses/" + businessId + "/account-manager";

        assertThat(put(api(port, staff), path, "{\"userId\": " + staff.id() + "}").statusCode()).isEqualTo(403);
        assertThat(put(api(port, otherAdmin), path, "{\"userId\": " + staff.id() + "}").statusCode()).isEqualTo(403);

        ApiClient admin = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        assertThat(put(admin, path, "{\"userId\": " + staff.id() + "}").statusCode()).isEqualTo(200);

        assertThat(put(api(port, colleague), path, "{\"userId\": " + colleague.id() + ", \"handOver\": true, "
                + "\"reason\": \"I would like it\"}").statusCode()).isEqualTo(403);
        assertThat(put(api(port, otherAdmin), path, "{\"userId\": " + staff.id() + "}").statusCode()).isEqualTo(409);
        assertThat(put(api(port, otherAdmin), path, "{\"userId\": " + staff.id() + ", \"handOver\": true, "
                + "\"reason\": \"Ours now\"}").statusCode()).isEqualTo(403);
        assertThat(put(admin, path, "{\"userId\": " + colleague.id() + ", \"handOver\": true, "
                + "\"reason\": \"Staff change\"}").statusCode()).isEqualTo(200);
        assertThat(put(admin, path, "{\"userId\": 1, \"teamId\": 2}").statusCode()).isEqualTo(400);
        assertThat(put(admin, "/api/v1/businesses/999999999/account-manager", "{\"userId\": " + staff.id() + "}")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void teamManagerIsToldOfReferralEvents() {
        TestPartner partner = DirectoryFixtures.createPartner(jdbc);
        TestPartner receiving = DirectoryFixtures.createPartner(jdbc);
        UserAccount partnerAdmin = EngagementFixtures.account(accounts, Role.PARTNER_ADMINISTRATOR, partner.partnerId());
        UserAccount lead = EngagementFixtures.account(accounts, Role.STAFF, partner.partnerId());
        UserAccount member = EngagementFixtures.account(accounts, Role.STAFF, partner.partnerId());
        UserAccount sender = EngagementFixtures.account(accounts, Role.STAFF, receiving.partnerId());
        long businessId = EngagementFixtures.business(registry);

        HttpResponse<String> team = EngagementFixtures.post(api(port, partnerAdmin), "/api/v1/account-teams",
                "{\"partnerId\": " + partner.partnerId() + ", \"name\": \"Manufacturing team\", \"leadUserId\": "
                        + lead.id() + ", \"memberUserIds\": [" + member.id() + "]}");
        assertThat(team.statusCode()).as(team.body()).isEqualTo(201);
        long teamId = json.readTree(team.body()).get("id").asLong();
        HttpResponse<String> assigned = put(api(port, partnerAdmin),
                "/api/v1/businesses/" + businessId + "/account-manager", "{\"teamId\": " + teamId + "}");
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);

        transactions.executeWithoutResult(status -> events.publishEvent(new ReferralEvent(77, ReferralEvent.Kind.SENT,
                ReferralStatus.REQUESTED, null, businessId, receiving.serviceId(), "hiring", receiving.partnerId(),
                receiving.partnerId(), receiving.officeId(), sender.id(), sender.id(), Instant.now())));
        transactions.executeWithoutResult(status -> events.publishEvent(new ReferralEvent(77,
                ReferralEvent.Kind.STATUS_CHANGED, ReferralStatus.ACCEPTED, ReferralStatus.REQUESTED, businessId,
                receiving.serviceId(), "hiring", receiving.partnerId(), receiving.partnerId(), receiving.officeId(),
                sender.id(), lead.id(), Instant.now())));

        assertThat(notices(jdbc, lead.id(), "Referral sent for")).isEqualTo(1);
        assertThat(notices(jdbc, member.id(), "Referral sent for")).isEqualTo(1);
        assertThat(notices(jdbc, member.id(), "is now accepted")).isEqualTo(1);
        // The lead accepted it, so the lead gets no notice of their own change.
        assertThat(notices(jdbc, lead.id(), "is now accepted")).isZero();
        assertThat(notices(jdbc, sender.id(), "Referral")).isZero();
    }

    @Test
    void conciergeChoiceIsStoredAndShown() {
        TestPartner partner = DirectoryFixtures.createPartner(jdbc);
        UserAccount staff = EngagementFixtures.account(accounts, Role.STAFF, partner.partnerId());
        long businessId = EngagementFixtures.business(registry);
        String path = "/api/v1/businesses/" + businessId + "/concierge";

        assertThat(put(api(port, staff), path, "{\"concierge\": true}").statusCode()).isEqualTo(400);
        HttpResponse<String> stored = put(api(port, staff), path,
                "{\"concierge\": true, \"contactRoute\": \"THROUGH_ACCOUNT_MANAGER\"}");
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);

        JsonNode view = json.readTree(api(port, staff).get("/api/v1/businesses/" + businessId + "/account-manager").body());
        assertThat(view.get("concierge").get("concierge").asBoolean()).isTrue();
        assertThat(view.get("concierge").get("contactRoute").asString()).isEqualTo("THROUGH_ACCOUNT_MANAGER");
        assertThat(view.get("current").isNull()).isTrue();
    }
}
