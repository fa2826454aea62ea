package org.onedoor.businesses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onedoor.businesses.BusinessRegistryMatchingTest.source;
import static org.onedoor.businesses.BusinessRegistryMatchingTest.uniqueFein;
import static org.onedoor.businesses.BusinessRegistryMatchingTest.uniqueWord;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.businesses.SouthBendLicences.RegisteredRow;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Searches through the JSON API over HTTP, against the City of South Bend licence list registered through the
 * registry and a few businesses of each test's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BusinessSearchApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    BusinessRegistry registry;

    @Autowired
    JdbcClient jdbc;

    private ApiClient api;
    private List<RegisteredRow> southBend;

    @BeforeEach
    void registerSouthBend() {
        api = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        southBend = SouthBendLicences.registerAll(registry);
    }

    @Test
    void findsFricksWithoutApostrophe() {
        long fricks = businessOf("Frick’s DQ Grill & Chill");

        JsonNode match = itemWithId(search("fricks"), fricks);

        assertThat(match).isNotNull();
        assertThat(match.get("legalName").asString()).isEqualTo("Frick’s DQ Grill & Chill");
        assertThat(match.get("reason").asString()).isEqualTo("Legal name matches 'fricks'");
    }

    @Test
    void findsSimilarNameWhenNothingContainsQuery() {
        long ragamuffin = businessOf("RAGAMUFFIN BAKERY & COFFEE");

        JsonNode match = itemWithId(search("ragamufin bakery"), ragamuffin);

        assertThat(match).isNotNull();
        assertThat(match.get("reason").asString()).isEqualTo("Legal name is similar to 'ragamufin bakery'");
    }

    @Test
    void returnsRagamuffinOnceForAllLicenceYears() {
        JsonNode page = search("ragamuffin bakery and coffee");

        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("legalName").asString()).isEqualTo("RAGAMUFFIN BAKERY & COFFEE");
    }

    @Test
    void findsPhoneInAnyFormat() {
        long franksPlace = businessOf("FRANK'S PLACE");

        for (String phone : List.of("(574) 232-2277", "574.232.2277", "+1 574 232 2277", "5742322277")) {
            JsonNode page = search(phone);

            JsonNode match = itemWithId(page, franksPlace);
            assertThat(match).as("result for %s", phone).isNotNull();
            assertThat(match.get("reason").asString()).startsWith("Phone ");
        }
    }

    @Test
    void findsAddress() {
        long franksPlace = businessOf("FRANK'S PLACE");

        JsonNode match = itemWithId(search("327 W Marion"), franksPlace);

        assertThat(match).isNotNull();
        assertThat(match.get("reason").asString()).isEqualTo("Address matches '327 W Marion'");
    }

    @Test
    void findsFeinWithAndWithoutDash() {
        String fein = uniqueFein();
        long id = registry.register(new IncomingBusiness("Fein Holder " + uniqueWord(), List.of(), fein, null, null,
                null, null, null, null, Map.of()), source(2)).businessId();

        for (String query : List.of(fein, fein.replace("-", ""))) {
            JsonNode page = search(query);

            assertThat(page.get("total").asLong()).as("total for %s", query).isEqualTo(1);
            assertThat(page.get("items").get(0).get("id").asLong()).isEqualTo(id);
            assertThat(page.get("items").get(0).get("reason").asString()).isEqualTo("FEIN matches");
        }
    }

    @Test
    void ignoresAccentsAndCase() {
        String word = uniqueWord();
        long id = registerNamed("Café " + word + " Olé");

        assertThat(itemWithId(search("cafe " + word.toLowerCase()), id)).isNotNull();
        assertThat(itemWithId(search("CAFÉ " + word.toUpperCase() + " OLE"), id)).isNotNull();
    }

    @Test
    void findsCafesFromSouthBend() {
        JsonNode page = search("cafe");

        assertThat(page.get("total").asLong()).isGreaterThan(5);
        assertThat(page.get("items")).allSatisfy(item -> assertThat(item.get("reason").asString()).contains("cafe"));
    }

    @Test
    void treatsAmpersandAsAnd() {
        String word = uniqueWord();
        long ampersand = registerNamed("Smith & " + word + " Bakery");
        long spelledOut = registerNamed("Jones and " + word + " Deli");

        assertThat(itemWithId(search("smith and " + word + " bakery"), ampersand)).isNotNull();
        assertThat(itemWithId(search("jones & " + word + " deli"), spelledOut)).isNotNull();
    }

    @Test
    void ignoresApostropheStyle() {
        String word = uniqueWord();
        long curly = registerNamed("Tony’s " + word + " Kitchen");

        assertThat(itemWithId(search("Tony's " + word), curly)).isNotNull();
        assertThat(itemWithId(search("tonys " + word), curly)).isNotNull();
    }

    @Test
    void saysWhenTradeNameMatched() {
        String word = uniqueWord();
        long id = registry.register(new IncomingBusiness("J AND W RESTAURANT GROUP " + word + " INC",
                List.of("CHINA MAX " + word), null, null, null, null, null, null, null, Map.of()), source(2)).businessId();

        JsonNode match = itemWithId(search("china max " + word.toLowerCase()), id);

        assertThat(match).isNotNull();
        assertThat(match.get("reason").asString())
                .isEqualTo("Trade name 'CHINA MAX " + word + "' matches 'china max " + word.toLowerCase() + "'");
        assertThat(match.get("tradeNames").get(0).asString()).isEqualTo("CHINA MAX " + word);
    }

    @Test
    void pagesThroughResultsWithoutRepeats() {
        JsonNode first = search("cafe", 0, 3);
        JsonNode second = search("cafe", 1, 3);

        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(3);
        assertThat(second.get("total").asLong()).isEqualTo(first.get("total").asLong());
        assertThat(first.get("items")).hasSize(3);
        assertThat(ids(second)).doesNotContainAnyElementsOf(ids(first));
    }

    @Test
    void listsAlphabeticallyWithoutQuery() {
        JsonNode page = search("", 0, 50);

        assertThat(page.get("total").asLong()).isGreaterThan(1000);
        List<String> names = new ArrayList<>();
        page.get("items").forEach(item -> names.add(item.get("legalName").asString()));
        assertThat(names).hasSize(50);
        for (int i = 1; i < names.size(); i++) {
            boolean ordered = jdbc.sql("SELECT fold_text(:before) <= fold_text(:after)")
                    .param("before", names.get(i - 1))
                    .param("after", names.get(i))
                    .query(Boolean.class)
                    .single();
            assertThat(ordered).as("%s before %s", names.get(i - 1), names.get(i)).isTrue();
        }
        assertThat(page.get("items").get(0).has("reason")).isTrue();
        assertThat(page.get("items").get(0).get("reason").isNull()).isTrue();
    }

    @Test
    void rejectsPageSizeAboveLimit() {
        HttpResponse<String> response = api.get("/api/v1/businesses?q=cafe&size=500");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("size");
        assertThat(problem.get("detail").asString()).isEqualTo("Page size 500 is invalid. Use 1 to 200.");
    }

    @Test
    void returnsProfileWithSourcesAndHistory() {
        long franksPlace = businessOf("FRANK'S PLACE");

        HttpResponse<String> response = api.get("/api/v1/businesses/" + franksPlace);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode profile = JSON.readTree(response.body());
        assertThat(profile.get("legalName").asString()).isEqualTo("FRANK'S PLACE");
        assertThat(profile.get("establishments")).hasSize(1);
        assertThat(profile.get("establishments").get(0).get("phoneE164").asString()).isEqualTo("+15742322277");
        assertThat(profile.get("sourceRecords").size()).isGreaterThanOrEqualTo(3);
        assertThat(profile.get("sourceRecords").get(0).get("rawValues").get("Business Name").asString())
                .isEqualTo("FRANK'S PLACE");
        assertThat(profile.get("history").get(0).get("field").asString()).isEqualTo("legal_name");
        assertThat(profile.get("history").get(0).get("sourceText").asString()).startsWith("south-bend-in.csv line ");
    }

    @Test
    void returnsNotFoundForUnknownId() {
        HttpResponse<String> response = api.get("/api/v1/businesses/987654321");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("detail").asString())
                .isEqualTo("Business 987654321 was not found.");
    }

    private JsonNode search(String query) {
        return search(query, 0, 20);
    }

    private JsonNode search(String query, int page, int size) {
        HttpResponse<String> response = api.get("/api/v1/businesses?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&page=" + page + "&size=" + size);
        assertThat(response.statusCode()).as("status for %s: %s", query, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode itemWithId(JsonNode page, long id) {
        for (JsonNode item : page.get("items")) {
            if (item.get("id").asLong() == id) {
                return item;
            }
        }
        return null;
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private long businessOf(String legalName) {
        return southBend.stream()
                .filter(row -> row.business().legalName().equals(legalName))
                .findFirst()
                .orElseThrow()
                .registration()
                .businessId();
    }

    private long registerNamed(String name) {
        return registry.register(new IncomingBusiness(name, List.of(), null, null, null, null, null, null, null,
                Map.of()), source(2)).businessId();
    }
}
