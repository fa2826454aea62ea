package org.onedoor.businesses.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onedoor.businesses.merge.MergeFixtures.admin;
import static org.onedoor.businesses.merge.MergeFixtures.business;
import static org.onedoor.businesses.merge.MergeFixtures.post;
import static org.onedoor.businesses.merge.MergeFixtures.uniqueWord;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.onedoor.businesses.DuplicateCheck;
import org.onedoor.support.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Fills the duplicate review queue through {@code POST /api/v1/duplicates/scan} and dismisses pairs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DuplicateQueueTest {

    @LocalServerPort
    int port;

    @Autowired
    DuplicateCheck check;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void scanQueuesLikelyDuplicatePairOnce() {
        String word = uniqueWord();
        long first = business(check, jdbc, word + " Ragamuffin Bakery Inc", null, null, "327");
        long second = business(check, jdbc, word + " Ragamuffin Bakery", null, null, "327");
        ApiClient api = admin(port);

        JsonNode scan = MergeFixtures.scan(api, first - 1, second);
        JsonNode rescan = MergeFixtures.scan(api, first - 1, second);

        assertThat(scan.get("status").asString()).as(scan.toString()).isEqualTo("DONE");
        assertThat(scan.get("businessesScanned").asInt()).isEqualTo(2);
        assertThat(scan.get("totalBusinesses").asInt()).isEqualTo(2);
        assertThat(scan.get("pairsFound").asInt()).isPositive();
        assertThat(rescan.get("status").asString()).as(rescan.toString()).isEqualTo("DONE");
        assertThat(pairCount(first, second)).as("one row per pair, from either side and after two scans").isEqualTo(1);
        JsonNode pair = pair(api, "OPEN", first, second);
        assertThat(pair).as("pair %d-%d in the OPEN list", first, second).isNotNull();
        assertThat(pair.get("score").asDouble()).isGreaterThanOrEqualTo(DuplicateCheck.LIKELY_DUPLICATE_SCORE);
        assertThat(pair.get("reasons").toString()).contains("Same street address");
        assertThat(pair.get("lowerName").asString()).isEqualTo(word + " Ragamuffin Bakery Inc");
    }

    @Test
    void dismissedPairIsNeverProposedAgain() {
        String word = uniqueWord();
        long first = business(check, jdbc, word + " Lantern Books LLC", null, null, "88");
        long second = business(check, jdbc, word + " Lantern Books", null, null, "88");
        ApiClient api = admin(port);
        MergeFixtures.scan(api, first - 1, second);
        long pairId = pair(api, "OPEN", first, second).get("id").asLong();

        HttpResponse<String> dismissed = post(api, "/api/v1/duplicates/" + pairId + "/dismiss", "");
        MergeFixtures.scan(api, first - 1, second);

        assertThat(dismissed.statusCode()).as(dismissed.body()).isEqualTo(200);
        assertThat(json.readTree(dismissed.body()).get("status").asString()).isEqualTo("DISMISSED");
        assertThat(pairCount(first, second)).isEqualTo(1);
        assertThat(pair(api, "OPEN", first, second)).as("dismissed pair listed as OPEN again").isNull();
        assertThat(pair(api, "DISMISSED", first, second)).isNotNull();
        HttpResponse<String> twice = post(api, "/api/v1/duplicates/" + pairId + "/dismiss", "");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("already DISMISSED");
    }

    @Test
    void listRejectsUnknownStatus() {
        HttpResponse<String> response = admin(port).get("/api/v1/duplicates?status=PENDING");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Status 'PENDING' is invalid");
    }

    private long pairCount(long first, long second) {
        return jdbc.sql("SELECT count(*) FROM duplicate_pair WHERE lower_id = :lower AND higher_id = :higher")
                .param("lower", Math.min(first, second))
                .param("higher", Math.max(first, second))
                .query(Long.class)
                .single();
    }

    /** Returns the pair from the API list with the given status, reading every page, or {@code null}. */
    private JsonNode pair(ApiClient api, String status, long first, long second) {
        for (int page = 0; ; page++) {
            JsonNode body = json.readTree(api.get("/api/v1/duplicates?status=" + status + "&size=200&page=" + page).body());
            for (JsonNode item : body.get("items")) {
                if (item.get("lowerId").asLong() == first && item.get("higherId").asLong() == second) {
                    return item;
                }
            }
            if (body.get("items").size() < 200) {
                return null;
            }
        }
    }
}
