package org.onedoor.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.hsds.internal.HsdsUpload;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.onedoor.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HSDS import over HTTP: the API and the pages, who may use them, the CSV report, and the imported notes on
 * the directory pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HsdsImportWebTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BOUNDARY = "hsds-test-boundary";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    TestAreas areas;
    long areaId;

    @BeforeEach
    void createArea() {
        areas = new TestAreas(jdbc);
        areaId = areas.create("06");
    }

    @AfterEach
    void deleteArea() {
        areas.deleteAll();
    }

    @Test
    void apiImportReturnsReport() throws IOException {
        ApiClient admin = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);

        HttpResponse<String> response = post(admin, HsdsImportTest.uploads("ohana-smc/*.csv"), form("America/Los_Angeles"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("format").asString()).isEqualTo("ohana");
        assertThat(body.path("counts").path("CREATED").asInt()).isGreaterThan(50);
        assertThat(body.path("rows").size()).isGreaterThan(400);
        long importId = body.path("id").asLong();
        JsonNode again = JSON.readTree(admin.get("/api/v1/hsds/imports/" + importId).body());
        assertThat(again.path("counts")).isEqualTo(body.path("counts"));
    }

    @Test
    void apiRejectsBadChoices() throws IOException {
        ApiClient admin = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);

        HttpResponse<String> badZone = post(admin, HsdsImportTest.uploads("ohana-smc/*.csv"), form("Mars/Olympus"));
        HttpResponse<String> brokenZip = post(admin, List.of(new HsdsUpload("package.zip", "not a zip".getBytes(StandardCharsets.UTF_8))),
                form("America/Chicago"));

        assertThat(badZone.statusCode()).isEqualTo(400);
        assertThat(badZone.body()).contains("Time zone 'Mars/Olympus' is not an IANA time zone name");
        assertThat(brokenZip.statusCode()).isEqualTo(400);
        assertThat(brokenZip.body()).contains("package.zip is not a zip file, or contains no files");
        assertThat(jdbc.sql("SELECT count(*) FROM partner WHERE area_id = :id").param("id", areaId).query(Long.class).single()).isZero();
    }

    @Test
    void onlyAdministratorsImport() throws IOException {
        long partnerId = jdbc.sql("SELECT id FROM partner WHERE demo ORDER BY id LIMIT 1").query(Long.class).single();
        TestAccounts.ensure(accounts, "hsds-staff@onedoor.test", Role.STAFF, partnerId);
        ApiClient staff = ApiClient.as(port, "hsds-staff@onedoor.test", TestAccounts.PASSWORD);
        ApiClient anonymous = ApiClient.anonymous(port);

        HttpResponse<String> byStaff = post(staff, HsdsImportTest.uploads("ohana-smc/*.csv"), form("America/Chicago"));
        HttpResponse<String> byAnonymous = post(anonymous, HsdsImportTest.uploads("ohana-smc/*.csv"), form("America/Chicago"));
        HttpResponse<String> page = anonymous.send(anonymous.request("/imports/hsds").header("Accept", "text/html").GET().build());
        HttpResponse<String> staffPage = WebSession.signIn(port, "hsds-staff@onedoor.test", TestAccounts.PASSWORD).get("/imports/hsds");

        assertThat(byStaff.statusCode()).isEqualTo(403);
        // A POST without credentials is a cookie request, so the CSRF check rejects it before sign-in is asked for.
        assertThat(byAnonymous.statusCode()).isEqualTo(403);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(staffPage.statusCode()).isIn(302, 403);
        assertThat(jdbc.sql("SELECT count(*) FROM partner WHERE area_id = :id").param("id", areaId).query(Long.class).single()).isZero();
    }

    @Test
    void reportAndNotesShowOnPages() throws IOException {
        ApiClient admin = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        JsonNode body = JSON.readTree(post(admin, HsdsImportTest.uploads("ohana-smc/*.csv"), form("America/Los_Angeles")).body());
        long importId = body.path("id").asLong();
        long serviceId = body.path("rows").valueStream()
                .filter(row -> row.path("file").asString().equals("services.csv") && row.path("rowLabel").asString().equals("row 1"))
                .findFirst().orElseThrow().path("recordId").asLong();
        WebSession session = WebSession.signIn(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);

        HttpResponse<String> report = session.get("/imports/hsds/" + importId);
        HttpResponse<String> skippedOnly = session.get("/imports/hsds/" + importId + "?outcome=SKIPPED");
        HttpResponse<String> csv = session.get("/imports/hsds/" + importId + "/report.csv");
        HttpResponse<String> servicePage = session.get("/directory/services/" + serviceId);

        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("Ohana API CSV files").contains("locations.csv row 20");
        assertThat(skippedOnly.body()).contains("no row of addresses.csv has location_id").doesNotContain("street address of the office");
        assertThat(csv.body().lines().findFirst()).hasValue("file,row,source_id,record_type,outcome,record_id,name,reason,note_fields");
        assertThat(csv.body().lines().count()).isEqualTo(body.path("rows").size() + 1L);
        assertThat(servicePage.body()).contains("Imported notes").contains("services.audience")
                .contains("Older adults age 55 or over");
    }

    private Map<String, String> form(String timeZone) {
        return Map.of("areaId", String.valueOf(areaId), "timeZone", timeZone, "categoryCode", "training",
                "sourceName", "Ohana sample");
    }

    private static HttpResponse<String> post(ApiClient client, List<HsdsUpload> files, Map<String, String> fields) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (HsdsUpload file : files) {
            body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + file.name()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(file.bytes());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(client.request("/api/v1/hsds/imports")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }
}
