package org.onedoor.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shows the response and first-contact deadlines in the referral API, on the referral page and in the inbox and sent
 * lists. The sending partner's office keeps Central time and the receiving partner's office Eastern time, so each
 * reader sees the same due instant in their own zone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReferralTimeLimitsPagesTest {

    private static final ZoneId SENDER_ZONE = ZoneId.of("America/Chicago");
    private static final ZoneId RECEIVER_ZONE = ZoneId.of("America/Indiana/Indianapolis");

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
    UserAccount senderAccount;
    UserAccount receiverAccount;
    ApiClient sender;

    @BeforeEach
    void setUp() {
        pair = ReferralFixtures.pair(jdbc);
        serviceId = pair.receiver().serviceId();
        ReferralFixtures.capacity(jdbc, serviceId, 5, 5, 0);
        jdbc.sql("UPDATE office SET time_zone = :zone WHERE partner_id = :partner")
                .param("zone", SENDER_ZONE.getId())
                .param("partner", pair.senderPartnerId())
                .update();
        jdbc.sql("UPDATE service SET response_days = 3, first_contact_days = 5 WHERE id = :id")
                .param("id", serviceId)
                .update();
        senderAccount = ReferralFixtures.account(accounts, Role.STAFF, pair.senderPartnerId());
        receiverAccount = ReferralFixtures.account(accounts, Role.STAFF, pair.receiver().partnerId());
        sender = ReferralFixtures.api(port, senderAccount);
    }

    @Test
    void apiReturnsDeadlinesAsUtcInstants() {
        long id = send();

        JsonNode referral = get(id);

        JsonNode deadlines = referral.get("deadlines");
        assertThat(deadlines.size()).isEqualTo(2);
        JsonNode response = deadlines.get(0);
        assertThat(response.get("kind").asString()).isEqualTo("response");
        assertThat(response.get("businessDays").asInt()).isEqualTo(3);
        assertThat(response.get("state").asString()).isEqualTo("open");
        assertThat(response.get("timeZone").asString()).isEqualTo(RECEIVER_ZONE.getId());
        assertThat(response.get("dueAt").asString()).endsWith("Z");
        assertThat(Instant.parse(response.get("dueAt").asString())).isEqualTo(dueAt(id, "RESPONSE"));
        assertThat(response.get("metAt").isNull()).isTrue();
        JsonNode firstContact = deadlines.get(1);
        assertThat(firstContact.get("kind").asString()).isEqualTo("first_contact");
        assertThat(firstContact.get("businessDays").asInt()).isEqualTo(5);
        assertThat(Instant.parse(firstContact.get("dueAt").asString())).isEqualTo(dueAt(id, "FIRST_CONTACT"));
    }

    @Test
    void apiMarksOverdueAndMetDeadlines() {
        long overdue = send();
        long accepted = send();
        makeResponseOverdue(overdue);
        HttpResponse<String> accept = ReferralFixtures.post(ReferralFixtures.api(port, receiverAccount),
                "/api/v1/referrals/" + accepted + "/status", "{\"status\": \"accepted\"}");
        assertThat(accept.statusCode()).as(accept.body()).isEqualTo(200);

        assertThat(get(overdue).get("deadlines").get(0).get("state").asString()).isEqualTo("overdue");
        JsonNode met = get(accepted).get("deadlines").get(0);
        assertThat(met.get("state").asString()).isEqualTo("met");
        assertThat(met.get("metAt").isNull()).isFalse();
    }

    @Test
    void apiListsLeaveOutDeadlines() {
        send();

        HttpResponse<String> sent = sender.get("/api/v1/referrals/sent");

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(json.readTree(sent.body()).get(0).get("deadlines").isNull()).isTrue();
    }

    @Test
    void referralPageShowsDueTimesInReaderZone() {
        long id = send();
        Instant response = dueAt(id, "RESPONSE");
        Instant firstContact = dueAt(id, "FIRST_CONTACT");

        String senderPage = page(senderAccount, "/referrals/" + id);
        String receiverPage = page(receiverAccount, "/referrals/" + id);

        assertThat(senderPage).contains("id=\"time-limits\"")
                .contains(TimeDisplay.format(response, SENDER_ZONE))
                .contains(TimeDisplay.format(firstContact, SENDER_ZONE))
                .contains("Due (America/Chicago)")
                .doesNotContain("Overdue");
        assertThat(receiverPage).contains(TimeDisplay.format(response, RECEIVER_ZONE))
                .contains(TimeDisplay.format(firstContact, RECEIVER_ZONE));
        assertThat(TimeDisplay.format(response, SENDER_ZONE)).isNotEqualTo(TimeDisplay.format(response, RECEIVER_ZONE));
    }

    @Test
    void referralPageMarksOverdueResponse() {
        long id = send();
        makeResponseOverdue(id);

        String html = page(senderAccount, "/referrals/" + id);

        String responseRow = html.substring(html.indexOf("id=\"time-limit-response\""),
                html.indexOf("id=\"time-limit-first_contact\""));
        assertThat(responseRow).contains("Overdue");
        assertThat(html.substring(html.indexOf("id=\"time-limit-first_contact\""))).contains(">Open<");
    }

    @Test
    void inboxShowsRespondByAndOverdueTag() {
        long onTime = send();
        long overdue = send();
        makeResponseOverdue(overdue);

        String inbox = page(receiverAccount, "/referrals/inbox");

        assertThat(inbox).contains("<th scope=\"col\">Respond by</th>")
                .contains(TimeDisplay.format(dueAt(onTime, "RESPONSE"), RECEIVER_ZONE))
                .contains(TimeDisplay.format(dueAt(overdue, "RESPONSE"), RECEIVER_ZONE))
                .contains("id=\"overdue-" + overdue + "\"")
                .doesNotContain("id=\"overdue-" + onTime + "\"");
    }

    @Test
    void inboxRowAfterHtmxChangeKeepsRespondBy() {
        long id = send();
        WebSession session = WebSession.signIn(port, receiverAccount.email(), TestAccounts.PASSWORD);

        String csrf = WebSession.csrfToken(session.get("/referrals/inbox").body());

        HttpResponse<String> row = session.send(HttpRequest.newBuilder(session.uri("/referrals/inbox/" + id + "/status"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.ofString("status=received&_csrf=" + csrf))
                .build());

        assertThat(row.statusCode()).as(row.body()).isEqualTo(200);
        assertThat(row.body()).contains("id=\"inbox-row-" + id + "\"")
                .contains(TimeDisplay.format(dueAt(id, "RESPONSE"), RECEIVER_ZONE));
    }

    @Test
    void sentListShowsRespondByInSenderZone() {
        long overdue = send();
        makeResponseOverdue(overdue);

        String sent = page(senderAccount, "/referrals/sent");

        assertThat(sent).contains("<th scope=\"col\">Respond by</th>")
                .contains(TimeDisplay.format(dueAt(overdue, "RESPONSE"), SENDER_ZONE))
                .contains("id=\"overdue-" + overdue + "\"");
    }

    private long send() {
        long businessId = ReferralFixtures.business(registry, jdbc);
        HttpResponse<String> response = ReferralFixtures.post(sender, "/api/v1/referrals",
                ReferralFixtures.complete(businessId, serviceId, pair.receiver().officeId()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asLong();
    }

    private JsonNode get(long id) {
        HttpResponse<String> response = sender.get("/api/v1/referrals/" + id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String page(UserAccount account, String path) {
        HttpResponse<String> response = WebSession.signIn(port, account.email(), TestAccounts.PASSWORD).get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private Instant dueAt(long referralId, String kind) {
        return jdbc.sql("SELECT due_at FROM referral_deadline WHERE referral_id = :id AND deadline = :kind")
                .param("id", referralId)
                .param("kind", kind)
                .query(Instant.class)
                .single();
    }

    /** Moves the response deadline an hour into the past, as if the receiver let it pass. */
    private void makeResponseOverdue(long referralId) {
        jdbc.sql("""
                        UPDATE referral_deadline SET due_at = now() - interval '1 hour'
                        WHERE referral_id = :id AND deadline = 'RESPONSE'""")
                .param("id", referralId)
                .update();
    }
}
