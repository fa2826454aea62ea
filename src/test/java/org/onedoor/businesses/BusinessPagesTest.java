package org.onedoor.businesses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onedoor.businesses.BusinessRegistryMatchingTest.source;
import static org.onedoor.businesses.BusinessRegistryMatchingTest.uniqueWord;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.businesses.SouthBendLicences.RegisteredRow;
import org.onedoor.support.TestAccounts;
import org.onedoor.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Requests the business pages and the CSV download with a signed-in session, as staff would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BusinessPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    BusinessRegistry registry;

    private WebSession session;
    private List<RegisteredRow> southBend;

    @BeforeEach
    void signIn() {
        session = WebSession.signIn(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        southBend = SouthBendLicences.registerAll(registry);
    }

    @Test
    void searchPageLinksEachResult() {
        long fricks = businessOf("Frick’s DQ Grill & Chill");

        HttpResponse<String> response = session.get("/businesses?q=fricks");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("href=\"/businesses/" + fricks + "\"");
        assertThat(response.body()).contains("Frick’s DQ Grill");
        assertThat(response.body()).contains("Legal name matches &#39;fricks&#39;");
        assertThat(response.body()).contains("href=\"/businesses.csv?q=fricks\"");
    }

    @Test
    void searchPageSaysWhenNothingMatches() {
        HttpResponse<String> response = session.get("/businesses?q=" + uniqueWord());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("0 businesses match");
        assertThat(response.body()).doesNotContain("<table");
    }

    @Test
    void searchPageOffersNextPage() {
        HttpResponse<String> response = session.get("/businesses?q=cafe&size=2");

        assertThat(response.body()).contains("Page 1 of ");
        assertThat(response.body()).contains("href=\"/businesses?q=cafe&amp;page=1&amp;size=2\"");
    }

    @Test
    void businessPageShowsSourcesAndHistory() {
        long franksPlace = businessOf("FRANK'S PLACE");

        HttpResponse<String> response = session.get("/businesses/" + franksPlace);

        assertThat(response.statusCode()).isEqualTo(200);
        String page = response.body();
        assertThat(page).contains("<h1>FRANK&#39;S PLACE</h1>");
        assertThat(page).contains("327 W  MARION ST, SOUTH BEND, IN 46601");
        assertThat(page).contains("class=\"usa-accordion__button\"");
        assertThat(page).contains("Values as read from south-bend-in.csv line");
        assertThat(page).contains("780RESTAM2020");
        assertThat(page).contains("<caption>Every change to this business, oldest first</caption>");
        assertThat(page).containsPattern("[A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2} [AP]M [A-Z][A-Za-z+0-9:]+");
    }

    @Test
    void businessPageShowsNaicsTitle() {
        long id = registry.register(new IncomingBusiness("Naics Diner " + uniqueWord(), List.of(), null, "722511",
                null, null, null, null, null, Map.of()), source(2)).businessId();

        HttpResponse<String> response = session.get("/businesses/" + id);

        assertThat(response.body()).contains("722511 Full-Service Restaurants");
    }

    @Test
    void businessPageIsNotFoundForUnknownId() {
        HttpResponse<String> response = session.get("/businesses/987654321");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Business 987654321 was not found.");
    }

    @Test
    void downloadsResultsAsCsv() {
        long ragamuffin = businessOf("RAGAMUFFIN BAKERY & COFFEE");

        HttpResponse<String> response = session.get("/businesses.csv?q="
                + URLEncoder.encode("ragamuffin bakery and coffee", StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(response.body().lines().toList()).containsExactly(
                "id,legal_name,trade_names,fein,address,phone,match_reason",
                ragamuffin + ",RAGAMUFFIN BAKERY & COFFEE,,,\"321 S  MAIN ST, SOUTH BEND, IN 46601\",765-366-3808,"
                        + "Legal name matches 'ragamuffin bakery and coffee'");
    }

    private long businessOf(String legalName) {
        return southBend.stream()
                .filter(row -> row.business().legalName().equals(legalName))
                .findFirst()
                .orElseThrow()
                .registration()
                .businessId();
    }
}
