package org.onedoor.businesses.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onedoor.businesses.merge.MergeFixtures.admin;
import static org.onedoor.businesses.merge.MergeFixtures.business;
import static org.onedoor.businesses.merge.MergeFixtures.childCounts;
import static org.onedoor.businesses.merge.MergeFixtures.partnerField;
import static org.onedoor.businesses.merge.MergeFixtures.partnerValue;
import static org.onedoor.businesses.merge.MergeFixtures.post;
import static org.onedoor.businesses.merge.MergeFixtures.uniqueFein;
import static org.onedoor.businesses.merge.MergeFixtures.uniqueWord;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onedoor.businesses.DuplicateCheck;
import org.onedoor.support.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Merges businesses through {@code POST /api/v1/businesses/{id}/merge} against the real database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MergeApiTest {

    @LocalServerPort
    int port;

    @Autowired
    DuplicateCheck check;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void mergeMovesEveryChildRowWithoutLoss() {
        String word = uniqueWord();
        String fein = uniqueFein();
        long survivor = business(check, jdbc, word + " Bakery LLC", word + " Sweets", fein, "101");
        long other = business(check, jdbc, word + " Bakery Company", word + " Sweets", null, "205");
        jdbc.sql("INSERT INTO business_trade_name (business_id, name, name_key) VALUES (:id, :name, :key)")
                .param("id", other).param("name", word + " Cakes").param("key", word.toLowerCase() + "cakes").update();
        ApiClient api = admin(port);
        assertThat(post(api, "/api/v1/businesses/" + survivor + "/contact-people", "{\"name\": \"Ana Ruiz\"}").statusCode())
                .isEqualTo(201);
        assertThat(post(api, "/api/v1/businesses/" + other + "/contact-people",
                "{\"name\": \"Ben Okafor\", \"email\": \"ben@example.com\"}").statusCode()).isEqualTo(201);
        long sharedField = partnerField(jdbc, "SHARED");
        long otherOnlyField = partnerField(jdbc, "CONFIDENTIAL");
        partnerValue(jdbc, survivor, sharedField, "survivor value");
        partnerValue(jdbc, other, sharedField, "other value");
        partnerValue(jdbc, other, otherOnlyField, "only the other has this");
        Map<String, Long> survivorBefore = childCounts(jdbc, survivor);
        Map<String, Long> otherBefore = childCounts(jdbc, other);
        List<Long> otherEstablishments = ids("SELECT id FROM establishment WHERE business_id = :id", other);
        List<Long> otherSources = ids("SELECT id FROM business_source_record WHERE business_id = :id", other);

        HttpResponse<String> response = post(api, "/api/v1/businesses/" + survivor + "/merge",
                "{\"otherId\": " + other + ", \"choices\": {\"legal_name\": \"other\"}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Long> survivorAfter = childCounts(jdbc, survivor);
        Map<String, Long> otherAfter = childCounts(jdbc, other);
        assertThat(otherAfter.values()).as("rows left on the merged business: " + otherAfter).allMatch(count -> count == 0);
        for (String table : List.of("establishment", "business_contact", "business_source_record")) {
            assertThat(survivorAfter.get(table)).as(table)
                    .isEqualTo(survivorBefore.get(table) + otherBefore.get(table));
        }
        assertThat(survivorAfter.get("business_trade_name")).as("the duplicate trade name is kept once")
                .isEqualTo(survivorBefore.get("business_trade_name") + otherBefore.get("business_trade_name") - 1);
        assertThat(survivorAfter.get("partner_field_value")).as("the survivor keeps its value of the shared field")
                .isEqualTo(survivorBefore.get("partner_field_value") + otherBefore.get("partner_field_value") - 1);
        assertThat(survivorAfter.get("business_history")).as("moved history plus the legal name change and the "
                + "partner field conflict").isEqualTo(survivorBefore.get("business_history")
                + otherBefore.get("business_history") + 2);
        assertThat(ids("SELECT id FROM establishment WHERE business_id = :id", survivor))
                .containsAll(otherEstablishments);
        assertThat(ids("SELECT id FROM business_source_record WHERE business_id = :id", survivor))
                .containsAll(otherSources);
        assertThat(text("SELECT string_agg(name, '|' ORDER BY name) FROM business_trade_name WHERE business_id = :id",
                survivor)).isEqualTo(word + " Cakes|" + word + " Sweets");
        assertThat(text("SELECT value FROM partner_field_value WHERE business_id = :id AND field_id = " + sharedField,
                survivor)).isEqualTo("survivor value");
        assertThat(text("SELECT value FROM partner_field_value WHERE business_id = :id AND field_id = " + otherOnlyField,
                survivor)).isEqualTo("only the other has this");
        assertThat(text("SELECT new_value FROM business_history WHERE business_id = :id AND action = 'CONFLICT' "
                + "AND partner_field_id = " + sharedField, survivor)).isEqualTo("other value");
        assertThat(text("SELECT merged_into_id::text FROM business WHERE id = :id", other))
                .isEqualTo(Long.toString(survivor));
        assertThat(text("SELECT fein FROM business WHERE id = :id", survivor)).isEqualTo(fein);
    }

    @Test
    void mergeAppliesChosenValuesAndKeepsOthersInHistory() {
        String word = uniqueWord();
        long survivor = business(check, jdbc, word + " Hardware Inc", null, null, "310");
        String otherFein = uniqueFein();
        long other = business(check, jdbc, word + " Hardware and Supply", null, otherFein, "312");
        jdbc.sql("UPDATE business SET website = 'https://survivor.example', year_started = 1990 WHERE id = :id")
                .param("id", survivor).update();
        jdbc.sql("UPDATE business SET website = 'https://other.example', year_started = 1991 WHERE id = :id")
                .param("id", other).update();

        HttpResponse<String> response = post(admin(port), "/api/v1/businesses/" + survivor + "/merge",
                "{\"otherId\": " + other + ", \"choices\": {\"legal_name\": \"survivor\", \"website\": \"other\", "
                        + "\"year_started\": \"survivor\"}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        long mergeId = json.readTree(response.body()).get("mergeId").asLong();
        assertThat(text("SELECT legal_name FROM business WHERE id = :id", survivor)).isEqualTo(word + " Hardware Inc");
        assertThat(text("SELECT website FROM business WHERE id = :id", survivor)).isEqualTo("https://other.example");
        assertThat(text("SELECT website_key FROM business WHERE id = :id", survivor)).isEqualTo("other.example");
        assertThat(text("SELECT year_started::text FROM business WHERE id = :id", survivor)).isEqualTo("1990");
        assertThat(text("SELECT fein FROM business WHERE id = :id", survivor)).as("an empty FEIN takes the other's")
                .isEqualTo(otherFein);
        assertThat(history(survivor, mergeId, "website")).isEqualTo("CHANGED https://survivor.example -> https://other.example");
        assertThat(history(survivor, mergeId, "legal_name"))
                .isEqualTo("CONFLICT " + word + " Hardware Inc -> " + word + " Hardware and Supply");
        assertThat(history(survivor, mergeId, "year_started")).isEqualTo("CONFLICT 1990 -> 1991");
        JsonNode choices = json.readTree(text("SELECT choices::text FROM business_merge WHERE id = :id", mergeId));
        assertThat(choices.get("website").get("chosen").asString()).isEqualTo("other");
        assertThat(choices.get("legal_name").get("other").asString()).isEqualTo(word + " Hardware and Supply");
    }

    @Test
    void mergeRequiresChoiceForEachConflict() {
        String word = uniqueWord();
        long survivor = business(check, jdbc, word + " Florist LLC", null, null, "44");
        long other = business(check, jdbc, word + " Flowers LLC", null, null, "46");

        HttpResponse<String> response = post(admin(port), "/api/v1/businesses/" + survivor + "/merge",
                "{\"otherId\": " + other + ", \"choices\": {\"color\": \"other\"}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("choices.legal_name").contains("Choice for legal_name is missing")
                .contains("Field 'color' cannot be chosen");
        assertThat(text("SELECT merged_into_id::text FROM business WHERE id = :id", other)).isNull();
    }

    @Test
    void mergeRejectsTwoDifferentFeins() {
        String word = uniqueWord();
        String survivorFein = uniqueFein();
        String otherFein = uniqueFein();
        long survivor = business(check, jdbc, word + " Printing LLC", null, survivorFein, "12");
        long other = business(check, jdbc, word + " Printing LLC", null, otherFein, "14");
        Map<String, Long> otherBefore = childCounts(jdbc, other);

        HttpResponse<String> response = post(admin(port), "/api/v1/businesses/" + survivor + "/merge",
                "{\"otherId\": " + other + ", \"choices\": {}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(response.body()).contains("Two different FEINs are different businesses").contains(survivorFein)
                .contains(otherFein);
        assertThat(childCounts(jdbc, other)).isEqualTo(otherBefore);
        assertThat(text("SELECT merged_into_id::text FROM business WHERE id = :id", other)).isNull();
    }

    @Test
    void mergeRollsBackWhenStepFails() {
        String word = uniqueWord();
        long survivor = business(check, jdbc, word + " Tailors LLC", null, null, "71");
        long other = business(check, jdbc, word + " Tailors LLC", null, null, "73");
        ApiClient api = admin(port);
        assertThat(post(api, "/api/v1/businesses/" + other + "/contact-people", "{\"name\": \"Cy Tran\"}").statusCode())
                .isEqualTo(201);
        Map<String, Long> survivorBefore = childCounts(jdbc, survivor);
        Map<String, Long> otherBefore = childCounts(jdbc, other);
        String function = "merge_test_fail_" + word.toLowerCase();
        // Contacts move after history and establishments, so the failure comes once earlier steps have run.
        jdbc.sql("CREATE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN RAISE EXCEPTION 'contact move blocked by test'; END $$").update();
        jdbc.sql("CREATE TRIGGER " + function + " BEFORE UPDATE ON business_contact FOR EACH ROW "
                + "WHEN (NEW.business_id = " + survivor + ") EXECUTE FUNCTION " + function + "()").update();
        HttpResponse<String> response;
        try {
            response = post(api, "/api/v1/businesses/" + survivor + "/merge",
                    "{\"otherId\": " + other + ", \"choices\": {}}");
        } finally {
            jdbc.sql("DROP TRIGGER " + function + " ON business_contact").update();
            jdbc.sql("DROP FUNCTION " + function + "()").update();
        }

        assertThat(response.statusCode()).as(response.body()).isGreaterThanOrEqualTo(500);
        assertThat(childCounts(jdbc, survivor)).isEqualTo(survivorBefore);
        assertThat(childCounts(jdbc, other)).isEqualTo(otherBefore);
        assertThat(text("SELECT merged_into_id::text FROM business WHERE id = :id", other)).isNull();
        assertThat(text("SELECT count(*)::text FROM business_merge WHERE other_id = :id", other)).isEqualTo("0");
    }

    @Test
    void mergedBusinessLeavesSearchAndRedirects() {
        String word = uniqueWord();
        long survivor = business(check, jdbc, word + " Optics LLC", null, null, "501");
        long other = business(check, jdbc, word + " Optical Shop", null, null, "503");
        ApiClient api = admin(port);
        assertThat(api.get("/api/v1/businesses?q=" + word).body()).contains(word + " Optical Shop");

        HttpResponse<String> merge = post(api, "/api/v1/businesses/" + survivor + "/merge",
                "{\"otherId\": " + other + ", \"choices\": {\"legal_name\": \"survivor\"}}");

        assertThat(merge.statusCode()).as(merge.body()).isEqualTo(200);
        HttpResponse<String> search = api.get("/api/v1/businesses?q=" + word);
        assertThat(search.body()).contains(word + " Optics LLC").doesNotContain(word + " Optical Shop");
        HttpResponse<String> profile = api.get("/api/v1/businesses/" + other);
        assertThat(profile.statusCode()).isEqualTo(308);
        assertThat(profile.headers().firstValue("Location")).hasValue("/api/v1/businesses/" + survivor);
        assertThat(check.findDuplicatesOf(survivor)).noneMatch(candidate -> candidate.id() == other);
        HttpResponse<String> again = post(api, "/api/v1/businesses/" + survivor + "/merge",
                "{\"otherId\": " + other + ", \"choices\": {}}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already merged into business " + survivor);
    }

    private List<Long> ids(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).list();
    }

    private String text(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(String.class).optional().orElse(null);
    }

    private String history(long businessId, long mergeId, String field) {
        return jdbc.sql("""
                        SELECT action || ' ' || coalesce(old_value, '') || ' -> ' || coalesce(new_value, '')
                        FROM business_history WHERE business_id = :id AND merge_id = :mergeId AND field = :field
                        """)
                .param("id", businessId)
                .param("mergeId", mergeId)
                .param("field", field)
                .query(String.class)
                .single();
    }
}
