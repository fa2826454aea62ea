package org.onedoor.businesses.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onedoor.businesses.merge.MergeFixtures.admin;
import static org.onedoor.businesses.merge.MergeFixtures.business;
import static org.onedoor.businesses.merge.MergeFixtures.partnerField;
import static org.onedoor.businesses.merge.MergeFixtures.partnerValue;
import static org.onedoor.businesses.merge.MergeFixtures.post;
import static org.onedoor.businesses.merge.MergeFixtures.uniqueFein;
import static org.onedoor.businesses.merge.MergeFixtures.uniqueWord;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onedoor.businesses.DuplicateCheck;
import org.onedoor.support.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/** Undoes merges through {@code POST /api/v1/merges/{id}/undo} against the real database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MergeUndoTest {

    /** Every row of a business in the tables a merge touches, as JSON text, in id order. */
    private static final Map<String, String> SNAPSHOTS = new LinkedHashMap<>();

    static {
        SNAPSHOTS.put("business", "SELECT to_jsonb(b) - 'updated_at' - 'name_key' FROM business b WHERE id = :id");
        for (String table : List.of("establishment", "business_contact", "business_trade_name",
                "business_source_record", "business_fact", "business_history")) {
            SNAPSHOTS.put(table, "SELECT to_jsonb(t) FROM " + table + " t WHERE business_id = :id ORDER BY id");
        }
        SNAPSHOTS.put("partner_field_value",
                "SELECT to_jsonb(t) FROM partner_field_value t WHERE business_id = :id ORDER BY field_id");
    }

    @LocalServerPort
    int port;

    @Autowired
    DuplicateCheck check;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void undoRestoresBothBusinessesExactly() {
        String word = uniqueWord();
        long survivor = business(check, jdbc, word + " Cycles LLC", word + " Bikes", null, "20");
        long other = business(check, jdbc, word + " Cycle Works", word + " Bikes", uniqueFein(), "22");
        ApiClient api = admin(port);
        post(api, "/api/v1/businesses/" + other + "/contact-people", "{\"name\": \"Dee Park\"}");
        long field = partnerField(jdbc, "PARTNER_ONLY");
        partnerValue(jdbc, survivor, field, "kept");
        partnerValue(jdbc, other, field, "replaced");
        jdbc.sql("UPDATE business SET website = 'https://cycles.example' WHERE id = :id").param("id", other).update();
        Map<String, List<String>> survivorBefore = snapshot(survivor);
        Map<String, List<String>> otherBefore = snapshot(other);
        HttpResponse<String> merge = post(api, "/api/v1/businesses/" + survivor + "/merge",
                "{\"otherId\": " + other + ", \"choices\": {\"legal_name\": \"other\"}}");
        assertThat(merge.statusCode()).as(merge.body()).isEqualTo(200);
        long mergeId = json.readTree(merge.body()).get("mergeId").asLong();

        HttpResponse<String> undo = post(api, "/api/v1/merges/" + mergeId + "/undo", "");

        assertThat(undo.statusCode()).as(undo.body()).isEqualTo(200);
        Map<String, List<String>> survivorAfter = snapshot(survivor);
        Map<String, List<String>> otherAfter = snapshot(other);
        for (String table : SNAPSHOTS.keySet()) {
            assertThat(survivorAfter.get(table)).as("survivor " + table).isEqualTo(survivorBefore.get(table));
            assertThat(otherAfter.get(table)).as("other " + table).isEqualTo(otherBefore.get(table));
        }
        assertThat(api.get("/api/v1/businesses/" + other).statusCode()).isEqualTo(200);
        HttpResponse<String> again = post(api, "/api/v1/merges/" + mergeId + "/undo", "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already undone");
    }

    @Test
    void undoRejectedAfterChange() {
        String word = uniqueWord();
        long survivor = business(check, jdbc, word + " Pottery LLC", null, null, "9");
        long other = business(check, jdbc, word + " Pottery Studio", null, null, "11");
        ApiClient api = admin(port);
        HttpResponse<String> merge = post(api, "/api/v1/businesses/" + survivor + "/merge",
                "{\"otherId\": " + other + ", \"choices\": {\"legal_name\": \"survivor\"}}");
        long mergeId = json.readTree(merge.body()).get("mergeId").asLong();
        post(api, "/api/v1/businesses/" + survivor + "/contact-people", "{\"name\": \"Eve Lin\"}");

        HttpResponse<String> undo = post(api, "/api/v1/merges/" + mergeId + "/undo", "");

        assertThat(undo.statusCode()).as(undo.body()).isEqualTo(409);
        assertThat(undo.body()).contains("business " + survivor + " has changes to contact");
        assertThat(jdbc.sql("SELECT merged_into_id FROM business WHERE id = :id").param("id", other)
                .query(Long.class).single()).isEqualTo(survivor);
    }

    @Test
    void undoOfUnknownMergeIsNotFound() {
        assertThat(post(admin(port), "/api/v1/merges/999999999/undo", "").statusCode()).isEqualTo(404);
    }

    private Map<String, List<String>> snapshot(long businessId) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        SNAPSHOTS.forEach((table, sql) -> rows.put(table, jdbc.sql(sql.replace("to_jsonb(t)", "to_jsonb(t)::text")
                        .replace("'name_key' FROM", "'name_key' AS row FROM").replace("to_jsonb(b) -", "(to_jsonb(b) -")
                        .replace("AS row FROM", ")::text FROM"))
                .param("id", businessId)
                .query(String.class)
                .list()));
        return rows;
    }
}
