package org.onedoor.businesses.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onedoor.businesses.merge.MergeFixtures.admin;
import static org.onedoor.businesses.merge.MergeFixtures.business;
import static org.onedoor.businesses.merge.MergeFixtures.post;
import static org.onedoor.businesses.merge.MergeFixtures.uniqueWord;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onedoor.businesses.DuplicateCheck;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.onedoor.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs the duplicate scan as a background job through the API and the queue page, on the real database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DuplicateScanJobTest {

    @LocalServerPort
    int port;

    @Autowired
    DuplicateCheck check;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void scanAcceptedAndRunsToDone() {
        String word = uniqueWord();
        long first = business(check, jdbc, word + " Quilt Shop Inc", null, null, "17");
        long second = business(check, jdbc, word + " Quilt Shop", null, null, "17");
        ApiClient api = admin(port);
        waitUntilNoScanActive();

        HttpResponse<String> started = post(api, "/api/v1/duplicates/scan?fromId=" + (first - 1) + "&toId=" + second,
                "");

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        JsonNode queued = json.readTree(started.body());
        assertThat(location).isEqualTo("/api/v1/duplicates/scans/" + queued.get("id").asLong());
        assertThat(queued.get("status").asString()).isIn("QUEUED", "RUNNING", "DONE");
        JsonNode done = waitForFinish(api, location);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("businessesScanned").asInt()).isEqualTo(2);
        assertThat(done.get("totalBusinesses").asInt()).isEqualTo(2);
        assertThat(done.get("pairsFound").asInt()).isPositive();
        assertThat(done.get("finishedAt").isNull()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM duplicate_pair WHERE lower_id = :a AND higher_id = :b")
                .param("a", first).param("b", second).query(Long.class).single()).isEqualTo(1);
        assertThat(api.get("/api/v1/duplicates/scans").body()).contains("\"id\":" + queued.get("id").asLong());
    }

    @Test
    void secondScanRejectedWhileOneRuns() {
        ApiClient api = admin(port);
        waitUntilNoScanActive();
        long running = insertScan("RUNNING", "now()", 1, 0, null, 0);
        HttpResponse<String> second;
        try {
            second = post(api, "/api/v1/duplicates/scan", "");
        } finally {
            jdbc.sql("UPDATE duplicate_scan SET status = 'DONE', finished_at = now() WHERE id = :id")
                    .param("id", running).update();
        }

        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        assertThat(second.body()).contains("Duplicate scan " + running + " is already RUNNING")
                .contains("/api/v1/duplicates/scans/" + running);
    }

    @Test
    void invalidRangeRejected() {
        HttpResponse<String> response = post(admin(port), "/api/v1/duplicates/scan?fromId=50&toId=10", "");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("toId 10 is invalid");
    }

    @Test
    void abandonedScanResumesAfterSavedBatch() {
        String word = uniqueWord();
        long first = business(check, jdbc, word + " Kite Store LLC", null, null, "23");
        long second = business(check, jdbc, word + " Kite Store", null, null, "23");
        waitUntilNoScanActive();
        // A scan whose instance stopped after saving its first batch: RUNNING with a heartbeat 10 minutes old.
        long abandoned = insertScan("RUNNING", "now() - interval '10 minutes'", 1, first - 1, second, first);

        JsonNode done = waitForFinish(admin(port), "/api/v1/duplicates/scans/" + abandoned);

        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("attempts").asInt()).isEqualTo(2);
        assertThat(done.get("businessesScanned").asInt()).as("only the business after the saved batch")
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT last_business_id FROM duplicate_scan WHERE id = :id").param("id", abandoned)
                .query(Long.class).single()).isEqualTo(second);
    }

    @Test
    void scanStoppingTooOftenFails() {
        waitUntilNoScanActive();
        long abandoned = insertScan("RUNNING", "now() - interval '10 minutes'", 3, 0, null, 0);

        JsonNode failed = waitForFinish(admin(port), "/api/v1/duplicates/scans/" + abandoned);

        assertThat(failed.get("status").asString()).as(failed.toString()).isEqualTo("FAILED");
        assertThat(failed.get("failureReason").asString()).startsWith("The scan stopped 3 times before it finished");
    }

    @Test
    void queuePageShowsScanProgress() {
        WebSession session = WebSession.signIn(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        waitUntilNoScanActive();
        long running = insertScan("RUNNING", "now()", 1, 0, null, 0);
        String page;
        String fragment;
        HttpResponse<String> start;
        String afterStart;
        try {
            jdbc.sql("UPDATE duplicate_scan SET total_businesses = 400, businesses_scanned = 100, pairs_found = 7 "
                    + "WHERE id = :id").param("id", running).update();
            page = session.get("/businesses/duplicates").body();
            fragment = session.get("/businesses/duplicates/scan-progress").body();
            // A full scan of the test database would outlast the test, so the page is checked while one runs.
            start = session.postForm("/businesses/duplicates", "/businesses/duplicates/scan", Map.of());
            afterStart = session.get("/businesses/duplicates").body();
        } finally {
            jdbc.sql("UPDATE duplicate_scan SET status = 'DONE', finished_at = now() WHERE id = :id")
                    .param("id", running).update();
        }

        assertThat(page).contains("id=\"scan-progress\"").contains("hx-trigger=\"every 2s\"")
                .contains("Running").contains("Businesses scanned: 100 of 400").contains("Pairs added or updated: 7")
                .contains("(scan <span>" + running + "</span>)");
        assertThat(page).containsPattern("id=\"scan-button\"\\s+disabled");
        assertThat(fragment).contains("Businesses scanned: 100 of 400").doesNotContain("<h1>");
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(afterStart).contains("A duplicate scan is already running.");
        assertThat(latestScanId()).as("no second scan was queued").isEqualTo(running);
    }

    private long insertScan(String status, String heartbeat, int attempts, long fromId, Long toId, long lastId) {
        return jdbc.sql("""
                        INSERT INTO duplicate_scan (status, from_id, to_id, last_business_id, businesses_scanned,
                                                    started_at, claimed_by, heartbeat_at, attempts)
                        VALUES (:status, :fromId, :toId, :lastId, CASE WHEN :lastId > :fromId THEN 1 ELSE 0 END,
                                now(), 'stopped-instance', %s, :attempts)
                        RETURNING id
                        """.formatted(heartbeat))
                .param("status", status)
                .param("fromId", fromId)
                .param("toId", toId)
                .param("lastId", lastId)
                .param("attempts", attempts)
                .query(Long.class)
                .single();
    }

    private long latestScanId() {
        return jdbc.sql("SELECT max(id) FROM duplicate_scan").query(Long.class).single();
    }

    private void waitUntilNoScanActive() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (jdbc.sql("SELECT count(*) FROM duplicate_scan WHERE status IN ('QUEUED', 'RUNNING')")
                .query(Long.class).single() > 0) {
            assertThat(Instant.now()).as("a scan still active after 60 seconds").isBefore(deadline);
            sleep();
        }
    }

    private JsonNode waitForFinish(ApiClient api, String location) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonNode job = json.readTree(api.get(location).body());
            String status = job.get("status").asString();
            if (status.equals("DONE") || status.equals("FAILED")) {
                return job;
            }
            assertThat(Instant.now()).as("scan " + location + " still " + status + " after 60 seconds")
                    .isBefore(deadline);
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
