package org.onedoor.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.ApiClient;
import org.onedoor.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An accepted offer of another partner's service leads to the refer form, and the sent referral is stored on it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OfferReferralTest {

    @LocalServerPort
    int port;

    @Autowired
    BusinessRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    UserAccounts accounts;

    private JsonNode created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    @Test
    void sentReferralStoredOnAcceptedOffer() {
        ReferralFixtures.Pair pair = ReferralFixtures.pair(jdbc);
        long serviceId = pair.receiver().serviceId();
        ReferralFixtures.capacity(jdbc, serviceId, 5, 10, 0);
        UserAccount sender = ReferralFixtures.account(accounts, Role.STAFF, pair.senderPartnerId());
        ApiClient senderApi = ReferralFixtures.api(port, sender);
        long businessId = ReferralFixtures.business(registry, jdbc);
        String business = "/api/v1/businesses/" + businessId;

        long needId = created(ReferralFixtures.post(senderApi, business + "/needs",
                "{\"needs\": [\"TRAIN_NEW_HIRES\"]}")).get(0).get("needId").asLong();
        long offerId = created(ReferralFixtures.post(senderApi, business + "/offers", """
                {"needId": %d, "serviceIds": [%d], "answer": "ACCEPTED", "followUp": "REFERRAL"}
                """.formatted(needId, serviceId))).get("id").asLong();
        long referralId = created(ReferralFixtures.post(senderApi, "/api/v1/referrals",
                ReferralFixtures.complete(businessId, serviceId, pair.receiver().officeId()))).get("id").asLong();

        JsonNode offers = json.readTree(senderApi.get(business + "/offers").body());
        JsonNode offer = offers.valueStream().filter(candidate -> candidate.get("id").asLong() == offerId)
                .findFirst().orElseThrow();
        assertThat(offer.get("referralId").asLong()).isEqualTo(referralId);
    }

    @Test
    void acceptedOfferPageOpensPrefilledReferForm() {
        ReferralFixtures.Pair pair = ReferralFixtures.pair(jdbc);
        long serviceId = pair.receiver().serviceId();
        UserAccount sender = ReferralFixtures.account(accounts, Role.STAFF, pair.senderPartnerId());
        long businessId = ReferralFixtures.business(registry, jdbc);
        long needId = created(ReferralFixtures.post(ReferralFixtures.api(port, sender),
                "/api/v1/businesses/" + businessId + "/needs", "{\"needs\": [\"TRAIN_NEW_HIRES\"]}"))
                .get(0).get("needId").asLong();
        WebSession session = WebSession.signIn(port, sender.email(), org.onedoor.support.TestAccounts.PASSWORD);

        String offerPage = "/businesses/" + businessId + "/needs/" + needId + "/offer";
        HttpResponse<String> recorded = session.postForm(offerPage, offerPage, java.util.Map.of("serviceIds", String.valueOf(serviceId), "answer", "ACCEPTED",
                        "followUp", "REFERRAL"));

        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(302);
        String location = recorded.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/referrals/new?business=" + businessId + "&service=" + serviceId
                + "&needCode=TRAIN_NEW_HIRES");
        HttpResponse<String> form = session.get(location.substring(location.indexOf("/referrals/new")));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).containsPattern("value=\"TRAIN_NEW_HIRES\"[^>]*selected|selected[^>]*value=\"TRAIN_NEW_HIRES\"");
    }
}
