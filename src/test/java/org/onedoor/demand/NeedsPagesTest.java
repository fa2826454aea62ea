package org.onedoor.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.demand.DemandFixtures.Area;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.TestAccounts;
import org.onedoor.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Posts the needs and offer forms as a browser would, including invalid input and an administrator's partner. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NeedsPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessRegistry registry;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Demand demand;

    private Area area;
    private long service;
    private long businessId;
    private WebSession staff;

    @BeforeEach
    void setUp() {
        area = DemandFixtures.area(jdbc);
        service = DemandFixtures.service(jdbc, area.partner(), "Recruitment help " + DemandFixtures.unique(),
                "workforce-recruitment");
        businessId = DemandFixtures.business(registry, area.countyFips());
        staff = WebSession.signIn(port, DemandFixtures.account(accounts, Role.STAFF, area.partner().partnerId())
                .email(), TestAccounts.PASSWORD);
    }

    private String needsPage() {
        return "/businesses/" + businessId + "/needs";
    }

    @Test
    void administratorMustChoosePartner() {
        WebSession admin = WebSession.signIn(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);

        HttpResponse<String> missing = admin.postForm(needsPage(), needsPage(), Map.of("need", "HIRE"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("Partner is missing");
        assertThat(demand.needsOf(businessId)).isEmpty();

        HttpResponse<String> chosen = admin.postForm(needsPage(), needsPage(), Map.of("need", "HIRE",
                "partnerId", String.valueOf(area.partner().partnerId())));
        assertThat(chosen.statusCode()).isEqualTo(302);
        List<BusinessNeed> needs = demand.needsOf(businessId);
        assertThat(needs).hasSize(1);
        assertThat(needs.get(0).partnerId()).isEqualTo(area.partner().partnerId());
    }

    @Test
    void raisingNothingShowsError() {
        HttpResponse<String> response = staff.postForm(needsPage(), needsPage(), Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("No need was given").contains("usa-form-group--error");
    }

    @Test
    void offerFormShowsMatchesAndRejectsPastDate() {
        staff.postForm(needsPage(), needsPage(), Map.of("need", "HIRE"));
        long needId = demand.needsOf(businessId).get(0).id();
        String offerPage = needsPage() + "/" + needId + "/offer";

        HttpResponse<String> form = staff.get(offerPage);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Recruitment help").contains("Eligible");

        HttpResponse<String> rejected = staff.postForm(offerPage, offerPage, Map.of("serviceIds",
                String.valueOf(service), "answer", "DEFERRED", "deferredUntil", "2020-02-02"));
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(rejected.body()).contains("2020-02-02 is not after today");
        assertThat(rejected.body()).contains("value=\"2020-02-02\"");
        assertThat(demand.offersOf(businessId)).isEmpty();

        String later = LocalDate.now(ZoneId.of("America/Indiana/Indianapolis")).plusDays(10).toString();
        HttpResponse<String> deferred = staff.postForm(offerPage, offerPage, Map.of("serviceIds",
                String.valueOf(service), "answer", "DEFERRED", "deferredUntil", later,
                "declineReason", "left over from an earlier choice"));
        assertThat(deferred.statusCode()).isEqualTo(302);
        List<Offer> offers = demand.offersOf(businessId);
        assertThat(offers).hasSize(1);
        assertThat(offers.get(0).answer()).isEqualTo(OfferAnswer.DEFERRED);
        assertThat(offers.get(0).declineReason()).isNull();
        assertThat(demand.needsOf(businessId).get(0).open()).isTrue();
    }

    @Test
    void noOfferFormRecordsReason() {
        HttpResponse<String> missingNote = staff.postForm(needsPage(), "/businesses/" + businessId + "/no-offer",
                Map.of("noOfferReason", "OTHER", "contactId", "31"));
        assertThat(missingNote.statusCode()).isEqualTo(400);
        assertThat(missingNote.body()).contains("Note is missing").contains("href=\"#no-offer-note\"");

        HttpResponse<String> recorded = staff.postForm(needsPage(), "/businesses/" + businessId + "/no-offer",
                Map.of("noOfferReason", "DECISION_MAKER_ABSENT", "contactId", "31"));
        assertThat(recorded.statusCode()).isEqualTo(302);
        assertThat(demand.offersAtContact(31)).extracting(Offer::noOfferReason)
                .contains(NoOfferReason.DECISION_MAKER_ABSENT);
    }

    @Test
    void unmetLogFiltersByArea() {
        Area empty = DemandFixtures.area(jdbc);
        long other = DemandFixtures.business(registry, empty.countyFips());
        demand.raiseNeeds(other, List.of("LAYOFF"), NeedSource.STAFF, empty.partner().partnerId(), null, null);

        HttpResponse<String> log = staff.get("/demand/unmet?area=" + empty.areaId());
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(log.body()).contains("1 unmet need").contains("Plan for or respond to a layoff");

        HttpResponse<String> invalid = staff.get("/demand/unmet?from=soon");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("Month &#39;soon&#39;");
    }
}
