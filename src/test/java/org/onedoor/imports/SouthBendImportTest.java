package org.onedoor.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Imports the real South Bend licence list through the API and checks that every record is accounted for. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SouthBendImportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SOUTH_BEND_RECORDS = 3_344;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void southBendImportAccountsForEveryRow() {
        JsonNode done = RealFileImport.run(port, "licence-lists/south-bend-in.csv", "south-bend-" + UUID.randomUUID(), "M/D/YYYY", "US");
        long id = done.get("id").asLong();
        JsonNode counts = done.get("counts");

        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("encoding").asString()).isEqualTo("UTF-8");
        assertThat(counts.get("rowsRead").asInt()).isEqualTo(SOUTH_BEND_RECORDS);
        assertThat(counts.get("created").asInt() + counts.get("matched").asInt() + counts.get("rejected").asInt())
                .isEqualTo(SOUTH_BEND_RECORDS);
        assertThat(counts.get("matched").asInt()).isPositive();
        assertThat(jdbc.sql("SELECT count(DISTINCT line_number) FROM import_row WHERE import_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(SOUTH_BEND_RECORDS);
        assertThat(jdbc.sql("SELECT min(line_number) FROM import_row WHERE import_id = :id")
                .param("id", id).query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT max(line_number) FROM import_row WHERE import_id = :id")
                .param("id", id).query(Integer.class).single()).isEqualTo(SOUTH_BEND_RECORDS + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM business_source_record WHERE import_id = :id")
                .param("id", id).query(Integer.class).single())
                .isEqualTo(counts.get("created").asInt() + counts.get("matched").asInt());
        assertThat(jdbc.sql("SELECT count(*) FROM import_issue WHERE import_id = :id AND value = 'NA' AND column_name = 'Phone No.'")
                .param("id", id).query(Long.class).single()).isPositive();
    }

    /** Uploads a real licence list through the API and waits for the job to finish. */
    static final class RealFileImport {

        private RealFileImport() {
        }

        static JsonNode run(int port, String resource, String sourceName, String dateFormat, String country) {
            ApiClient api = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
            Multipart body = new Multipart().file("file", resource.substring(resource.lastIndexOf('/') + 1), bytes(resource))
                    .field("sourceName", sourceName).field("dateFormat", dateFormat).field("country", country);
            HttpResponse<String> accepted = api.post("/api/v1/imports/businesses", body.contentType(), body.publisher());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String location = accepted.headers().firstValue("Location").orElseThrow();

            Instant deadline = Instant.now().plus(Duration.ofMinutes(20));
            while (Instant.now().isBefore(deadline)) {
                JsonNode job = JSON.readTree(api.get(location).body());
                String status = job.get("status").asString();
                if (status.equals("DONE") || status.equals("FAILED")) {
                    return job;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            throw new AssertionError("Import of " + resource + " did not finish within 20 minutes");
        }

        private static byte[] bytes(String resource) {
            try (InputStream in = SouthBendImportTest.class.getResourceAsStream("/" + resource)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
