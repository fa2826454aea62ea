package org.onedoor.businesses.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onedoor.businesses.merge.MergeFixtures.admin;
import static org.onedoor.businesses.merge.MergeFixtures.business;
import static org.onedoor.businesses.merge.MergeFixtures.post;
import static org.onedoor.businesses.merge.MergeFixtures.uniqueWord;

import java.net.http.HttpRequest;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Moves and joins single establishments through the API, and undoes them, against the real database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EstablishmentMergeTest {

    private static final List<String> SNAPSHOT_TABLES = List.of("establishment", "business_contact",
            "business_source_record", "business_fact", "business_history");

    @LocalServerPort
    int port;

    @Autowired
    DuplicateCheck check;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void moveTakesOnlyThatEstablishment() {
        String word = uniqueWord();
        long target = business(check, jdbc, word + " Print Shop LLC", null, null, "100");
        long source = business(check, jdbc, word + " Printing Co", null, null, "300");
        long moved = establishmentOf(source);
        ApiClient api = admin(port);
        long siteContact = contact(api, source, "{\"name\": \"Uma Roy\", \"establishmentId\": " + moved + "}");
        long businessContact = contact(api, source, "{\"name\": \"Abe Lund\"}");
        String sourceNameBefore = legalName(source);

        HttpResponse<String> response = post(api, "/api/v1/businesses/" + target + "/establishments/merge",
                "{\"establishmentId\": " + moved + "}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode merge = json.readTree(response.body());
        assertThat(merge.get("kind").asString()).isEqualTo("MOVE");
        assertThat(merge.get("fromBusinessId").asLong()).isEqualTo(source);
        assertThat(businessOf("establishment", moved)).isEqualTo(target);
        assertThat(businessOf("business_contact", siteContact)).isEqualTo(target);
        assertThat(businessOf("business_contact", businessContact)).as("a contact of the whole business stays")
                .isEqualTo(source);
        assertThat(legalName(source)).isEqualTo(sourceNameBefore);
        assertThat(jdbc.sql("SELECT merged_into_id FROM business WHERE id = :id").param("id", source)
                .query(Long.class).optional()).as("the source business is not merged").isEmpty();
        assertThat(count("SELECT count(*) FROM business_fact WHERE business_id = :b AND establishment_id = :e",
                target, moved)).as("the establishment's provenance moved").isPositive();
        assertThat(count("SELECT count(*) FROM business_fact WHERE business_id = :b AND field = 'legal_name'",
                source, 0)).as("the source keeps its own provenance").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM business_source_record WHERE business_id = :b AND establishment_id = :e",
                source, moved)).as("the creating record also brought the legal name, so it stays").isEqualTo(1);
        assertThat(count("""
                SELECT count(*) FROM business_history WHERE business_id = :b AND establishment_id = :e
                AND field = 'establishment' AND action = 'REMOVED' AND establishment_merge_id IS NOT NULL
                """, source, moved)).isEqualTo(1);
        assertThat(count("""
                SELECT count(*) FROM business_history WHERE business_id = :b AND establishment_id = :e
                AND field = 'establishment' AND action = 'ADDED' AND establishment_merge_id IS NOT NULL
                """, target, moved)).isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT source_kind FROM business_fact
                        WHERE establishment_id = :e AND field = 'establishment.address'
                        """).param("e", moved).query(String.class).single())
                .as("the address keeps the provenance it was collected with").isEqualTo("STAFF_ENTRY");
    }

    @Test
    void undoRestoresMovedEstablishment() {
        String word = uniqueWord();
        long target = business(check, jdbc, word + " Florist LLC", null, null, "110");
        long source = business(check, jdbc, word + " Flowers Co", null, null, "310");
        long moved = establishmentOf(source);
        ApiClient api = admin(port);
        contact(api, source, "{\"name\": \"Ria Sen\", \"establishmentId\": " + moved + "}");
        Map<String, List<String>> targetBefore = snapshot(target);
        Map<String, List<String>> sourceBefore = snapshot(source);
        HttpResponse<String> merge = post(api, "/api/v1/businesses/" + target + "/establishments/merge",
                "{\"establishmentId\": " + moved + "}");
        long mergeId = json.readTree(merge.body()).get("id").asLong();

        HttpResponse<String> undo = post(api, "/api/v1/establishment-merges/" + mergeId + "/undo", "");
        HttpResponse<String> again = post(api, "/api/v1/establishment-merges/" + mergeId + "/undo", "");

        assertThat(undo.statusCode()).as(undo.body()).isEqualTo(200);
        assertThat(json.readTree(undo.body()).get("undoneAt").isNull()).isFalse();
        assertSnapshotsEqual("target", targetBefore, snapshot(target));
        assertSnapshotsEqual("source", sourceBefore, snapshot(source));
        assertThat(again.statusCode()).isEqualTo(409);
    }

    @Test
    void joinMakesOneWorksiteAndUndoes() {
        String word = uniqueWord();
        long business = business(check, jdbc, word + " Bike Shop LLC", null, null, "120");
        long other = business(check, jdbc, word + " Bike Shop Annex", null, null, "122");
        long kept = establishmentOf(business);
        long joined = establishmentOf(other);
        ApiClient api = admin(port);
        assertThat(patch(api, "/api/v1/businesses/" + other, "{\"establishments\": {\"" + joined
                + "\": {\"timeZone\": \"America/Indiana/Indianapolis\"}}}").statusCode()).isEqualTo(200);
        long joinedContact = contact(api, other, "{\"name\": \"Ivo Marsh\", \"establishmentId\": " + joined + "}");
        HttpResponse<String> move = post(api, "/api/v1/businesses/" + business + "/establishments/merge",
                "{\"establishmentId\": " + joined + "}");
        assertThat(move.statusCode()).as(move.body()).isEqualTo(200);
        Map<String, List<String>> before = snapshot(business);

        HttpResponse<String> join = post(api, "/api/v1/businesses/" + business + "/establishments/merge",
                "{\"establishmentId\": " + joined + ", \"intoEstablishmentId\": " + kept + "}");

        assertThat(join.statusCode()).as(join.body()).isEqualTo(200);
        assertThat(json.readTree(join.body()).get("kind").asString()).isEqualTo("JOIN");
        assertThat(count("SELECT count(*) FROM establishment WHERE id = :b", joined, 0)).isZero();
        assertThat(jdbc.sql("SELECT time_zone FROM establishment WHERE id = :id").param("id", kept)
                .query(String.class).single()).as("filled from the joined site").isEqualTo("America/Indiana/Indianapolis");
        assertThat(jdbc.sql("SELECT establishment_id FROM business_contact WHERE id = :id").param("id", joinedContact)
                .query(Long.class).single()).isEqualTo(kept);
        assertThat(jdbc.sql("""
                        SELECT old_value || ' | ' || new_value FROM business_history
                        WHERE establishment_id = :id AND field = 'establishment.address' AND action = 'CONFLICT'
                        """).param("id", kept).query(String.class).single())
                .contains("120 N Main St").contains("122 N Main St");
        assertThat(jdbc.sql("""
                        SELECT source_kind FROM business_fact WHERE establishment_id = :id AND field = 'establishment.time_zone'
                        """).param("id", kept).query(String.class).single())
                .as("the time zone keeps the provenance it was collected with").isEqualTo("STAFF_ENTRY");
        long joinId = json.readTree(join.body()).get("id").asLong();
        long moveId = json.readTree(move.body()).get("id").asLong();
        HttpResponse<String> undoMove = post(api, "/api/v1/establishment-merges/" + moveId + "/undo", "");
        assertThat(undoMove.statusCode()).as("the join changed the business after the move").isEqualTo(409);

        HttpResponse<String> undo = post(api, "/api/v1/establishment-merges/" + joinId + "/undo", "");

        assertThat(undo.statusCode()).as(undo.body()).isEqualTo(200);
        assertSnapshotsEqual("business", before, snapshot(business));
    }

    @Test
    void invalidRequestsRejected() {
        String word = uniqueWord();
        long first = business(check, jdbc, word + " Cafe LLC", null, null, "130");
        long second = business(check, jdbc, word + " Coffee Co", null, null, "132");
        ApiClient api = admin(port);
        String path = "/api/v1/businesses/" + first + "/establishments/merge";

        HttpResponse<String> unknown = post(api, path, "{\"establishmentId\": 999999999}");
        HttpResponse<String> own = post(api, path, "{\"establishmentId\": " + establishmentOf(first) + "}");
        HttpResponse<String> across = post(api, path, "{\"establishmentId\": " + establishmentOf(second)
                + ", \"intoEstablishmentId\": " + establishmentOf(first) + "}");
        HttpResponse<String> missing = post(api, path, "{}");

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Establishment 999999999 was not found");
        assertThat(own.statusCode()).isEqualTo(400);
        assertThat(own.body()).contains("already belongs to business " + first);
        assertThat(across.statusCode()).isEqualTo(400);
        assertThat(across.body()).contains("must both belong to business " + first);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("establishmentId is missing");
    }

    private long contact(ApiClient api, long businessId, String body) {
        HttpResponse<String> response = post(api, "/api/v1/businesses/" + businessId + "/contact-people", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asLong();
    }

    private static HttpResponse<String> patch(ApiClient api, String path, String body) {
        return api.send(api.request(path)
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private long establishmentOf(long businessId) {
        return jdbc.sql("SELECT min(id) FROM establishment WHERE business_id = :id").param("id", businessId)
                .query(Long.class).single();
    }

    private long businessOf(String table, long id) {
        return jdbc.sql("SELECT business_id FROM " + table + " WHERE id = :id").param("id", id)
                .query(Long.class).single();
    }

    private String legalName(long businessId) {
        return jdbc.sql("SELECT legal_name FROM business WHERE id = :id").param("id", businessId)
                .query(String.class).single();
    }

    private long count(String sql, long business, long establishment) {
        return jdbc.sql(sql).param("b", business).param("e", establishment).query(Long.class).single();
    }

    private Map<String, List<String>> snapshot(long businessId) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : SNAPSHOT_TABLES) {
            rows.put(table, jdbc.sql("SELECT to_jsonb(t)::text FROM " + table + " t WHERE business_id = :id ORDER BY id")
                    .param("id", businessId).query(String.class).list());
        }
        return rows;
    }

    private static void assertSnapshotsEqual(String label, Map<String, List<String>> expected,
                                             Map<String, List<String>> actual) {
        for (String table : SNAPSHOT_TABLES) {
            assertThat(actual.get(table)).as(label + " " + table).isEqualTo(expected.get(table));
        }
    }
}
