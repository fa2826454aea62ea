package org.onedoor.publicdirectory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.publicdirectory.internal.Availability;
import org.onedoor.publicdirectory.internal.PublicCatalog;
import org.onedoor.publicdirectory.internal.PublicSearch;
import org.onedoor.publicdirectory.internal.PublicService;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.onedoor.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Searches the demo area's services in a business owner's words, and reads availability and the public pages
 * without signing in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicSearchTest {

    @LocalServerPort
    int port;

    @Autowired
    PublicCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    private List<String> names(String query) {
        return names(new PublicSearch(query, null, null));
    }

    private List<String> names(PublicSearch search) {
        return catalog.search(search, new PageRequest(0, 50)).items().stream().map(PublicService::name).toList();
    }

    @Test
    void plainWordsFindVeteransHiring() {
        List<String> found = names("help hiring veterans");

        assertThat(found).isNotEmpty();
        assertThat(found.get(0)).isEqualTo("Veterans' hiring assistance");
        assertThat(found).contains("Veteran hiring events");
    }

    @Test
    void layoffsFindRapidResponse() {
        List<String> found = names("layoffs");

        assertThat(found).contains("Rapid Response information sessions", "Layoff aversion planning");
    }

    @Test
    void everydayWordFindsDescriptionTerm() {
        // No demo description contains "downsizing", so only the added "layoff" can match.
        assertThat(names("we are downsizing")).contains("Rapid Response information sessions");
    }

    @Test
    void typoFindsServiceByName() {
        assertThat(names("apprentiseship")).contains("Registered apprenticeship development");
    }

    @Test
    void fillerOnlyQueryIsMatchedAsTyped() {
        assertThat(names("help")).isNotEmpty();
    }

    @Test
    void allWordsMatchRanksFirst() {
        List<String> found = names("workplace literacy english classes");

        assertThat(found.get(0)).isEqualTo("Workplace literacy and English classes");
    }

    @Test
    void categoryFilterKeepsOnlyThatCategory() {
        ResultPage<PublicService> results = catalog.search(new PublicSearch(null, "rapid-response", null),
                new PageRequest(0, 50));

        assertThat(results.items()).isNotEmpty();
        assertThat(results.items()).allMatch(service -> service.categoryCode().equals("rapid-response"));
    }

    @Test
    void countyFilterKeepsOfficesOfCounty() {
        TestPartner partner = DirectoryFixtures.createPartner(jdbc);

        // The test office is in St. Joseph County (18141), where the demo Elkhart office is not. The search names
        // this test's service, because other tests add forklift services of their own in the same county.
        List<String> found = names(new PublicSearch(partner.serviceName(), null, "18141"));
        List<String> elsewhere = names(new PublicSearch(partner.serviceName(), null, "18039"));

        assertThat(found).contains(partner.serviceName());
        assertThat(elsewhere).doesNotContain(partner.serviceName());
    }

    @Test
    void resultsArePaged() {
        ResultPage<PublicService> first = catalog.search(new PublicSearch(null, null, null), new PageRequest(0, 10));
        ResultPage<PublicService> second = catalog.search(new PublicSearch(null, null, null), new PageRequest(1, 10));

        assertThat(first.total()).isGreaterThan(20);
        assertThat(first.items()).hasSize(10);
        assertThat(second.items()).hasSize(10);
        assertThat(second.items()).doesNotContainAnyElementsOf(first.items());
    }

    @Test
    void availabilityShowsOpenUnits() {
        TestPartner partner = DirectoryFixtures.createPartner(jdbc);
        capacity(partner.serviceId(), "SLOTS", 3, 10, "now()");

        Availability availability = catalog.findService(partner.serviceId()).orElseThrow().availability();

        assertThat(availability.state()).isEqualTo(Availability.State.AVAILABLE);
        assertThat(availability.text()).isEqualTo("3 of 10 slots open");
    }

    @Test
    void availabilityShowsFull() {
        TestPartner partner = DirectoryFixtures.createPartner(jdbc);
        capacity(partner.serviceId(), "COHORT_SEATS", 0, 12, "now()");

        Availability availability = catalog.findService(partner.serviceId()).orElseThrow().availability();

        assertThat(availability.state()).isEqualTo(Availability.State.FULL);
        assertThat(availability.text()).startsWith("Full");
    }

    @Test
    void staleCapacityIsUnknown() {
        TestPartner partner = DirectoryFixtures.createPartner(jdbc);
        // The default freshness limit is 7 days.
        capacity(partner.serviceId(), "HOURS", 30, 40, "now() - interval '8 days'");

        Availability availability = catalog.findService(partner.serviceId()).orElseThrow().availability();

        assertThat(availability.state()).isEqualTo(Availability.State.UNKNOWN);
        assertThat(availability.text()).isEqualTo("Availability unknown");
        assertThat(availability.updatedAt()).isNotNull();
    }

    @Test
    void missingCapacityIsUnknown() {
        TestPartner partner = DirectoryFixtures.createPartner(jdbc);

        Availability availability = catalog.findService(partner.serviceId()).orElseThrow().availability();

        assertThat(availability.state()).isEqualTo(Availability.State.UNKNOWN);
        assertThat(availability.text()).isEqualTo("Availability unknown");
    }

    @Test
    void trainingDollarsAreGrouped() {
        TestPartner partner = DirectoryFixtures.createPartner(jdbc);
        capacity(partner.serviceId(), "TRAINING_DOLLARS", 12_500, 50_000, "now()");

        assertThat(catalog.findService(partner.serviceId()).orElseThrow().availability().text())
                .isEqualTo("12,500 of 50,000 training dollars open");
    }

    @Test
    void inactiveServiceIsNotPublic() {
        TestPartner partner = DirectoryFixtures.createPartner(jdbc);
        jdbc.sql("UPDATE service SET active = false WHERE id = :id").param("id", partner.serviceId()).update();

        HttpResponse<String> page = WebSession.anonymous(port).get("/find-services/services/" + partner.serviceId());

        assertThat(catalog.findService(partner.serviceId())).isEmpty();
        assertThat(page.statusCode()).isEqualTo(404);
    }

    @Test
    void publicPagesOpenWithoutSignIn() {
        TestPartner partner = DirectoryFixtures.createPartner(jdbc);
        capacity(partner.serviceId(), "SLOTS", 2, 4, "now()");
        WebSession visitor = WebSession.anonymous(port);

        HttpResponse<String> search = visitor.get("/find-services?q=forklift+" + partner.suffix());
        HttpResponse<String> service = visitor.get("/find-services/services/" + partner.serviceId());
        HttpResponse<String> form = visitor.get("/find-services/contact?service=" + partner.serviceId());

        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains(partner.serviceName());
        assertThat(service.statusCode()).isEqualTo(200);
        assertThat(service.body()).contains("2 of 4 slots open", "Test office " + partner.suffix(),
                "Employers hiring warehouse workers.", "has not confirmed these details yet");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"_csrf\"");
    }

    @Test
    void servicePageListsEligibilityRules() {
        long serviceId = jdbc.sql("SELECT id FROM service WHERE name = 'Rapid Response information sessions'")
                .query(Long.class).single();

        String body = WebSession.anonymous(port).get("/find-services/services/" + serviceId).body();

        assertThat(body).contains("A business must meet this rule:");
        assertThat(body).contains("<li>Employer has announced a layoff or closure</li>");
    }

    @Test
    void staffInboxNeedsSignIn() {
        HttpResponse<String> inbox = WebSession.anonymous(port).get("/contact-requests");

        assertThat(inbox.statusCode()).isEqualTo(302);
        assertThat(inbox.headers().firstValue("Location").orElse("")).endsWith("/sign-in");
    }

    @Test
    void publicPageShowsNoStaffName() {
        TestPartner partner = DirectoryFixtures.createPartner(jdbc);
        jdbc.sql("UPDATE service SET last_verified_at = now(), last_verified_by = 'Pat Staffmember' WHERE id = :id")
                .param("id", partner.serviceId())
                .update();

        String body = WebSession.anonymous(port).get("/find-services/services/" + partner.serviceId()).body();

        assertThat(body).contains("last confirmed these details on");
        assertThat(body).doesNotContain("Pat Staffmember");
    }

    private void capacity(long serviceId, String unit, int available, int maximum, String updatedAt) {
        jdbc.sql("INSERT INTO service_capacity (service_id, unit, maximum_units, available_units, updated_at, updated_by)"
                        + " VALUES (:serviceId, :unit, :maximum, :available, " + updatedAt + ", 'Capacity test')")
                .param("serviceId", serviceId)
                .param("unit", unit)
                .param("maximum", maximum)
                .param("available", available)
                .update();
    }
}
