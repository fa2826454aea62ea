package org.onedoor.businesses.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.businesses.IncomingAddress;
import org.onedoor.businesses.IncomingBusiness;
import org.onedoor.businesses.Registration;
import org.onedoor.businesses.SourceReference;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Creates businesses through {@code POST /api/v1/businesses} and lists duplicates, against the real database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DuplicateCheckApiTest {

    @LocalServerPort
    int port;

    @Autowired
    BusinessRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void createsBusinessWithLocation() {
        String name = "Quillfeather " + word() + " Stationers LLC";

        HttpResponse<String> response = post(Map.of("legalName", name, "phone", "(574) 232-" + digits(4),
                "streetAddress", digits(4) + " N Michigan St", "city", "South Bend", "state", "IN",
                "zipCode", "46601"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        long id = json.readTree(response.body()).get("id").asLong();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/businesses/" + id);
        String kind = jdbc.sql("SELECT kind FROM business_source_record WHERE business_id = :id")
                .param("id", id).query(String.class).single();
        assertThat(kind).isEqualTo("STAFF_ENTRY");
        Long actor = jdbc.sql("SELECT actor_user_id FROM business_history WHERE business_id = :id LIMIT 1")
                .param("id", id).query(Long.class).single();
        assertThat(actor).isNotNull();
    }

    @Test
    void rejectsLikelyDuplicateWithCandidatesAndReasons() {
        String word = word();
        Registration existing = registerExisting("Marigold " + word + " Bakery Inc", "327 W Marion St", "+15745550" + digits(3));

        HttpResponse<String> response = post(Map.of("legalName", "MARIGOLD " + word.toUpperCase() + " BAKERY",
                "streetAddress", "327 West Marion Street", "city", "South Bend", "state", "IN", "zipCode", "46601"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("title").asString()).isEqualTo("Likely duplicate business");
        JsonNode first = body.get("candidates").get(0);
        assertThat(first.get("id").asLong()).isEqualTo(existing.businessId());
        assertThat(first.get("legalName").asString()).isEqualTo("Marigold " + word + " Bakery Inc");
        assertThat(first.get("score").asDouble()).isGreaterThanOrEqualTo(0.5);
        assertThat(first.get("reasons").toString()).contains("Name matches after removing 'Inc'");
        assertThat(first.get("reasons").toString()).contains("Same street address 327 W Marion St");
    }

    @Test
    void createsConfirmedDifferentBusiness() {
        String word = word();
        Registration existing = registerExisting("Juniper " + word + " Cleaners", "44 E Jefferson Blvd", null);

        HttpResponse<String> response = post(Map.of("legalName", "Juniper " + word + " Cleaners",
                "streetAddress", "44 E Jefferson Blvd", "city", "South Bend", "state", "IN", "zipCode", "46601",
                "confirmDifferentBusiness", true));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("id").asLong()).isNotEqualTo(existing.businessId());
        assertThat(body.get("candidates").get(0).get("id").asLong()).isEqualTo(existing.businessId());
    }

    @Test
    void rejectsInvalidInputNamingFieldAndFix() {
        HttpResponse<String> response = post(Map.of("legalName", "Thistle " + word() + " Repair", "zipCode", "4660",
                "fein", "12-34567"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        String errors = json.readTree(response.body()).get("errors").toString();
        assertThat(errors).contains("\"field\":\"zipCode\"");
        assertThat(errors).contains("ZIP code '4660' is invalid: it has 4 digits. Enter a 5-digit ZIP code or ZIP+4.");
        assertThat(errors).contains("\"field\":\"fein\"");
    }

    @Test
    void rejectsMissingLegalName() {
        HttpResponse<String> response = post(Map.of("city", "South Bend"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Legal name is missing");
    }

    @Test
    void listsDuplicatesOfExistingBusiness() {
        String word = word();
        String phone = "+15745551" + digits(3);
        Registration first = registerExisting("Saffron " + word + " Kitchen", "1200 Lincoln Way W", phone);
        Registration second = registry.register(new IncomingBusiness("Saffron " + word + " Kitchen LLC", java.util.List.of(),
                null, null, null, phone, phone, null, new IncomingAddress("88 Main St", null, "Mishawaka", "IN",
                "46544", "US", null), Map.of()), source());
        assertThat(second.created()).isFalse();

        Registration apart = registerExisting("Saffron " + word + " Kitchen", "9 Elm St", null);

        HttpResponse<String> response = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD)
                .get("/api/v1/businesses/" + apart.businessId() + "/duplicates");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode candidates = json.readTree(response.body());
        assertThat(candidates.get(0).get("id").asLong()).isEqualTo(first.businessId());
        assertThat(candidates.toString()).doesNotContain("\"id\":" + apart.businessId() + ",");
        assertThat(candidates.get(0).get("reasons").toString()).contains("Name matches");
    }

    @Test
    void duplicatesOfUnknownBusinessAreNotFound() {
        HttpResponse<String> response = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD)
                .get("/api/v1/businesses/987654321987/duplicates");

        assertThat(response.statusCode()).isEqualTo(404);
    }

    private Registration registerExisting(String name, String street, String phoneE164) {
        return registry.register(new IncomingBusiness(name, java.util.List.of(), null, null, null, phoneE164, phoneE164,
                null, new IncomingAddress(street, null, "South Bend", "IN", "46601", "US", null), Map.of()), source());
    }

    private static SourceReference source() {
        return new SourceReference("IMPORT_ROW", "matching-test.csv", null, 2, Map.of(), null, null);
    }

    private HttpResponse<String> post(Map<String, Object> body) {
        return ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD).post("/api/v1/businesses",
                "application/json", HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    }

    static String word() {
        String letters = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        return "Zq" + letters.substring(0, Math.min(8, letters.length())) + "x";
    }

    static String digits(int count) {
        String number = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
        return number.substring(0, count);
    }
}
