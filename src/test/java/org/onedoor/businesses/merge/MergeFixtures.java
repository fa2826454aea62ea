package org.onedoor.businesses.merge;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.onedoor.businesses.DuplicateCheck;
import org.onedoor.businesses.NewBusiness;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Businesses, partner fields and row counts for the merge tests, each named uniquely. */
final class MergeFixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Tables with a business_id column whose rows a merge moves, so tests can count them. */
    static final List<String> CHILD_TABLES = List.of("establishment", "business_contact", "business_trade_name",
            "business_source_record", "partner_field_value", "business_fact", "business_history");

    private MergeFixtures() {
    }

    static String uniqueWord() {
        StringBuilder word = new StringBuilder("Q");
        for (int i = 0; i < 9; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    static String uniqueFein() {
        return String.format("%02d-%07d", ThreadLocalRandom.current().nextInt(10, 100),
                ThreadLocalRandom.current().nextInt(10_000_000));
    }

    static String uniquePhone() {
        return "(574) 2" + ThreadLocalRandom.current().nextInt(10, 100) + "-" + (1000 + ThreadLocalRandom.current().nextInt(9000));
    }

    /** Creates a business as staff would, even when it is a likely duplicate, and returns its id. */
    static long business(DuplicateCheck check, JdbcClient jdbc, String legalName, String tradeName, String fein,
                         String house) {
        NewBusiness entry = new NewBusiness(legalName, tradeName, fein, "722511", null, uniquePhone(),
                house + " N Main St", "South Bend", "IN", "46601");
        return check.create(entry, true, "Merge test", adminId(jdbc), null).businessId();
    }

    static long adminId(JdbcClient jdbc) {
        return jdbc.sql("SELECT id FROM app_user WHERE email = :email")
                .param("email", TestAccounts.ADMIN_EMAIL)
                .query(Long.class)
                .single();
    }

    static ApiClient admin(int port) {
        return ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
    }

    /**
     * Starts a duplicate scan of businesses {@code fromId + 1} to {@code toId}, waits up to 60 seconds for it to finish
     * and returns the finished scan. A scan still running from another test is waited for first.
     */
    static JsonNode scan(ApiClient api, long fromId, long toId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String location = null;
        while (location == null) {
            HttpResponse<String> started = post(api, "/api/v1/duplicates/scan?fromId=" + fromId + "&toId=" + toId, "");
            if (started.statusCode() == 202) {
                location = started.headers().firstValue("Location").orElseThrow();
            } else if (started.statusCode() != 409 || Instant.now().isAfter(deadline)) {
                throw new AssertionError("Scan not started: " + started.statusCode() + " " + started.body());
            } else {
                pause();
            }
        }
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = JSON.readTree(api.get(location).body());
            if (job.get("status").asString().equals("DONE") || job.get("status").asString().equals("FAILED")) {
                return job;
            }
            pause();
        }
        throw new AssertionError("Scan " + location + " did not finish within 60 seconds");
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    static HttpResponse<String> post(ApiClient api, String path, String json) {
        return api.post(path, "application/json", HttpRequest.BodyPublishers.ofString(json));
    }

    /** Returns the number of rows per child table that belong to the business. */
    static Map<String, Long> childCounts(JdbcClient jdbc, long businessId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : CHILD_TABLES) {
            counts.put(table, jdbc.sql("SELECT count(*) FROM " + table + " WHERE business_id = :id")
                    .param("id", businessId)
                    .query(Long.class)
                    .single());
        }
        return counts;
    }

    /** Adds a partner in the demo area and a text field of it with the given visibility, returning the field id. */
    static long partnerField(JdbcClient jdbc, String visibility) {
        long partnerId = jdbc.sql("""
                        INSERT INTO partner (area_id, code, name, demo)
                        SELECT id, :code, :name, false FROM workforce_area WHERE demo ORDER BY id LIMIT 1
                        RETURNING id
                        """)
                .param("code", uniqueWord().toLowerCase())
                .param("name", "Merge test partner " + uniqueWord())
                .query(Long.class)
                .single();
        return jdbc.sql("""
                        INSERT INTO partner_field (partner_id, name, field_type, visibility)
                        VALUES (:partnerId, :name, 'TEXT', :visibility) RETURNING id
                        """)
                .param("partnerId", partnerId)
                .param("name", "Field " + uniqueWord())
                .param("visibility", visibility)
                .query(Long.class)
                .single();
    }

    static void partnerValue(JdbcClient jdbc, long businessId, long fieldId, String value) {
        jdbc.sql("""
                        INSERT INTO partner_field_value (business_id, field_id, value, source_kind)
                        VALUES (:businessId, :fieldId, :value, 'STAFF_ENTRY')
                        """)
                .param("businessId", businessId)
                .param("fieldId", fieldId)
                .param("value", value)
                .update();
    }
}
