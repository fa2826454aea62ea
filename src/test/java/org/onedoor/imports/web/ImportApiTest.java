package org.onedoor.imports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onedoor.imports.Multipart;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Uploads CSV files through the import API over HTTP on loopback and follows the jobs to their reports. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void uploadAnswers202WithLocation() {
        HttpResponse<String> response = upload("imports/messy-values.csv", unique("messy"), "M/D/YY", null);

        assertThat(response.statusCode()).isEqualTo(202);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/api/v1/imports/\\d+");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asString()).isIn("QUEUED", "RUNNING", "DONE");
        assertThat(body.get("progress").get("totalRows").asInt()).isEqualTo(6);
    }

    @Test
    void importFinishesWithConsistentCounts() {
        JsonNode done = waitUntilFinished(upload("imports/messy-values.csv", unique("messy"), "M/D/YY", null));

        assertThat(done.get("status").asString()).isEqualTo("DONE");
        JsonNode counts = done.get("counts");
        assertThat(counts.get("rowsRead").asInt()).isEqualTo(6);
        assertThat(counts.get("created").asInt() + counts.get("matched").asInt() + counts.get("rejected").asInt()).isEqualTo(6);
        assertThat(counts.get("rejected").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(counts.get("warnings").asInt()).isGreaterThanOrEqualTo(6);
        assertThat(done.get("secondsTaken").isNumber()).isTrue();
        assertThat(done.get("links").get("reportCsv").asString()).endsWith("/report.csv");
    }

    @Test
    void reportListsRejectionWithLineColumnAndReason() {
        JsonNode done = waitUntilFinished(upload("imports/messy-values.csv", unique("messy"), "M/D/YY", null));

        HttpResponse<String> report = staff().get(done.get("links").get("report").asString() + "?severity=REJECTION");

        assertThat(report.statusCode()).isEqualTo(200);
        JsonNode items = JSON.readTree(report.body()).get("items");
        assertThat(items.size()).isGreaterThanOrEqualTo(1);
        assertThat(items.get(0).get("lineNumber").asInt()).isEqualTo(6);
        assertThat(items.get(0).get("column").asString()).isEqualTo("Business Name");
        assertThat(items.get(0).get("reason").asString()).contains("legal name is empty");
    }

    @Test
    void reportCsvListsRowsAndIssues() {
        JsonNode done = waitUntilFinished(upload("imports/messy-values.csv", unique("messy"), "M/D/YY", null));

        HttpResponse<String> csv = staff().get(done.get("links").get("reportCsv").asString());

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("line,outcome,business_id,legal_name,match_reason,severity,column,value,reason");
        assertThat(csv.body()).contains("6,REJECTED,,,,REJECTION,Business Name,");
        assertThat(csv.body()).contains("ZIP code '2134' is invalid: it has 4 digits");
        assertThat(csv.body()).contains("J AND W RESTAURANT GROUP INC");
    }

    @Test
    void registryRejectionLeavesNothingWritten() {
        JsonNode done = waitUntilFinished(upload("imports/registry-rejects.csv", unique("registry"), null, null));
        long id = done.get("id").asLong();

        assertThat(done.get("counts").get("rejected").asInt()).isEqualTo(1);
        assertThat(done.get("counts").get("rowsRead").asInt()).isEqualTo(2);
        assertThat(sourceRecords(id, 2)).isZero();
        assertThat(sourceRecords(id, 3)).isEqualTo(1);
        HttpResponse<String> report = staff().get("/api/v1/imports/" + id + "/report?severity=REJECTION");
        JsonNode rejection = JSON.readTree(report.body()).get("items").get(0);
        assertThat(rejection.get("lineNumber").asInt()).isEqualTo(2);
        assertThat(rejection.get("column").asString()).isEqualTo("Business Name");
        assertThat(rejection.get("value").asString()).isEqualTo("***");
        assertThat(rejection.get("reason").asString()).contains("'***'");
    }

    @Test
    void windows1252EncodingReported() {
        JsonNode done = waitUntilFinished(upload("imports/windows-1252.csv", unique("cp1252"), null, null));

        assertThat(done.get("encoding").asString()).isEqualTo("windows-1252");
        assertThat(staff().get(done.get("links").get("reportCsv").asString()).body()).contains("Frick’s DQ Grill & Chill");
    }

    @Test
    void unmappedHeaderIs400BeforeAnythingWritten() {
        String source = unique("unmapped");

        HttpResponse<String> response = upload("imports/unmapped-header.csv", source, null, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("Favourite Colour");
        assertThat(error.get("message").asString()).contains("'Favourite Colour' maps to no field").contains("Do not import");
        assertThat(jobsNamed(source)).isZero();
    }

    @Test
    void binaryFileIs400NamingTheFix() {
        String source = unique("binary");

        HttpResponse<String> response = upload("imports/not-a-csv.png", source, null, null);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("file");
        assertThat(error.get("message").asString()).contains("'not-a-csv.png' is not a CSV text file").contains("Save the list as CSV");
        assertThat(jobsNamed(source)).isZero();
    }

    @Test
    void missingLegalNameIs400BeforeAnythingWritten() {
        String source = unique("no-name");

        HttpResponse<String> response = upload("imports/no-legal-name.csv", source, null, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("errors").get(0).get("message").asString()).contains("legal name");
        assertThat(jobsNamed(source)).isZero();
    }

    @Test
    void mappingJsonMapsUnknownHeader() {
        HttpResponse<String> response = upload("imports/unmapped-header.csv", unique("mapped"), null,
                "{\"Favourite Colour\": \"ignore\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).get("mapping").get("Favourite Colour").asString()).isEqualTo("ignore");
    }

    @Test
    void mappingWithUnknownFieldIs400() {
        HttpResponse<String> response = upload("imports/unmapped-header.csv", unique("bad-field"), null,
                "{\"Favourite Colour\": \"colour\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("errors").get(0).get("message").asString()).contains("'colour'").contains("legal-name");
    }

    @Test
    void unclosedQuoteIs400() {
        Multipart body = new Multipart().file("file", "broken.csv", "Business Name,Zip Code\nACME,46601\n\"BROKEN,46601\n".getBytes())
                .field("sourceName", unique("broken"));

        HttpResponse<String> response = staff().post("/api/v1/imports/businesses", body.contentType(), body.publisher());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("errors").get(0).get("message").asString())
                .contains("cannot be read as CSV after line 2");
    }

    @Test
    void missingFileIs400() {
        Multipart body = new Multipart().field("sourceName", "no file");

        HttpResponse<String> response = staff().post("/api/v1/imports/businesses", body.contentType(), body.publisher());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("errors").get(0).get("field").asString()).isEqualTo("file");
    }

    @Test
    void unknownImportIs404() {
        assertThat(staff().get("/api/v1/imports/999999999").statusCode()).isEqualTo(404);
        assertThat(staff().get("/api/v1/imports/999999999/report.csv").statusCode()).isEqualTo(404);
    }

    @Test
    void importsWithoutCredentialsAre401() {
        assertThat(ApiClient.anonymous(port).get("/api/v1/imports").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> upload(String resource, String sourceName, String dateFormat, String mapping) {
        Multipart body = new Multipart().file("file", resource.substring(resource.lastIndexOf('/') + 1), bytes(resource))
                .field("sourceName", sourceName);
        if (dateFormat != null) {
            body.field("dateFormat", dateFormat);
        }
        if (mapping != null) {
            body.field("mapping", mapping);
        }
        return staff().send(staff().request("/api/v1/imports/businesses")
                .header("Content-Type", body.contentType())
                .POST(body.publisher())
                .build());
    }

    /** Polls the job every 200 ms until it finishes, for at most two minutes. */
    private JsonNode waitUntilFinished(HttpResponse<String> accepted) {
        assertThat(accepted.statusCode()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = JSON.readTree(staff().get(location).body());
            String status = job.get("status").asString();
            if (status.equals("DONE") || status.equals("FAILED")) {
                return job;
            }
            sleep();
        }
        throw new AssertionError("Import " + location + " did not finish within two minutes");
    }

    private long sourceRecords(long importId, int line) {
        return jdbc.sql("SELECT count(*) FROM business_source_record WHERE import_id = :id AND line_number = :line")
                .param("id", importId).param("line", line).query(Long.class).single();
    }

    private long jobsNamed(String sourceName) {
        return jdbc.sql("SELECT count(*) FROM import_job WHERE source_name = :name").param("name", sourceName).query(Long.class).single();
    }

    private ApiClient staff() {
        return ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = ImportApiTest.class.getResourceAsStream("/" + resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
