package org.onedoor.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.hsds.internal.HsdsIds;
import org.onedoor.support.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls every HSDS endpoint without signing in and validates each response against the HSDS 3.1 JSON schemas.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HsdsApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient anonymous;
    TestPartner partner;
    String serviceId;

    @BeforeEach
    void createPartnerWithCapacity() {
        anonymous = ApiClient.anonymous(port);
        partner = DirectoryFixtures.createPartner(jdbc);
        jdbc.sql("""
                        UPDATE service SET contact_name = 'Dana Reyes', contact_phone = '(574) 555-0142',
                               contact_email = 'dana.reyes@example.org', last_verified_at = now(), last_verified_by = 'Test administrator'
                        WHERE id = :id""")
                .param("id", partner.serviceId())
                .update();
        jdbc.sql("""
                        INSERT INTO service_capacity (service_id, unit, maximum_units, available_units, updated_by)
                        VALUES (:id, 'COHORT_SEATS', 12, 5, 'Test administrator')""")
                .param("id", partner.serviceId())
                .update();
        serviceId = HsdsIds.of("service", partner.serviceId());
    }

    @Test
    void rootNamesVersion() {
        JsonNode root = getJson("/hsds/");

        assertThat(root.path("version").asString()).isEqualTo("3.1");
        assertThat(root.path("profile").asString()).startsWith("https://");
        assertThat(getJson("/hsds").path("version").asString()).isEqualTo("3.1");
    }

    @Test
    void servicePageMatchesSchema() {
        JsonNode page = getJson("/hsds/services?per_page=5&page=2");

        HsdsSchemaValidator.assertValidPage("service", page);
        assertThat(page.path("page_number").asInt()).isEqualTo(2);
        assertThat(page.path("size").asInt()).isEqualTo(5);
        assertThat(page.path("first_page").asBoolean()).isFalse();
        long total = jdbc.sql("SELECT count(*) FROM service").query(Long.class).single();
        assertThat(page.path("total_items").asLong()).isEqualTo(total);
        assertThat(page.path("total_pages").asLong()).isEqualTo((total + 4) / 5);
    }

    @Test
    void serviceSearchAndFilters() {
        String organizationId = HsdsIds.of("organization", partner.partnerId());

        JsonNode bySearch = getJson("/hsds/services?search=" + partner.suffix());
        JsonNode byOrganization = getJson("/hsds/services?organization_id=" + organizationId);
        JsonNode byTerm = getJson("/hsds/services?organization_id=" + organizationId + "&taxonomy_term_id="
                + HsdsIds.of("taxonomy_term", "training"));
        JsonNode byOtherTerm = getJson("/hsds/services?organization_id=" + organizationId + "&taxonomy_term_id="
                + HsdsIds.of("taxonomy_term", "incumbent-worker-training"));

        assertThat(ids(bySearch)).containsExactly(serviceId);
        assertThat(ids(byOrganization)).containsExactly(serviceId);
        assertThat(byTerm.path("total_items").asInt()).isEqualTo(1);
        assertThat(byOtherTerm.path("total_items").asInt()).isZero();
        assertThat(byOtherTerm.path("empty").asBoolean()).isTrue();
    }

    @Test
    void serviceCarriesCapacityAndCategory() {
        JsonNode service = getJson("/hsds/services/" + serviceId);

        HsdsSchemaValidator.assertValid("service", service);
        assertThat(service.path("name").asString()).isEqualTo(partner.serviceName());
        assertThat(service.path("status").asString()).isEqualTo("active");
        JsonNode capacity = service.path("capacities").path(0);
        assertThat(capacity.path("available").asInt()).isEqualTo(5);
        assertThat(capacity.path("maximum").asInt()).isEqualTo(12);
        assertThat(capacity.path("unit").path("identifier").asString()).isEqualTo("COHORT_SEATS");
        assertThat(capacity.path("updated").asString()).endsWith("Z");
        assertThat(service.path("attributes").path(0).path("taxonomy_term").path("code").asString()).isEqualTo("training");
        assertThat(service.path("contacts").path(0).path("phones").path(0).path("number").asString())
                .isEqualTo("(574) 555-0142");
        assertThat(service.path("service_at_locations").path(0).path("location").path("addresses").path(0)
                .path("postal_code").asString()).isEqualTo("46544");
    }

    @Test
    void servicesLeaveOutStaffData() {
        String body = anonymous.get("/hsds/services/" + serviceId).body();

        assertThat(body).doesNotContain("Test administrator").doesNotContain("dana.reyes@example.org");
    }

    @Test
    void exportZipIsPublic() throws IOException {
        String areaCode = jdbc.sql("SELECT code FROM workforce_area WHERE id = :id").param("id", partner.areaId())
                .query(String.class).single();

        HttpResponse<byte[]> response = download("/hsds/export.zip?area=" + areaCode);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        Map<String, String> files = unzip(response.body());
        assertThat(files.keySet()).contains("datapackage.json", "organizations.csv", "services.csv", "service_capacity.csv",
                "units.csv", "locations.csv", "addresses.csv", "taxonomy_terms.csv");
        JsonNode datapackage = JSON.readTree(files.get("datapackage.json"));
        assertThat(datapackage.path("profile").asString()).isEqualTo("tabular-data-package");
        assertThat(datapackage.path("resources").valueStream().map(resource -> resource.path("path").asString()).toList())
                .containsExactlyInAnyOrderElementsOf(files.keySet().stream().filter(name -> name.endsWith(".csv")).toList());
        assertThat(files.get("services.csv").lines().findFirst().orElseThrow()).startsWith("id,organization_id,program_id,name,");
        assertThat(files.get("services.csv")).contains(serviceId).contains(partner.serviceName()).doesNotContain("dana.reyes@example.org");
        assertThat(files.get("service_capacity.csv")).contains(",5,12,");
    }

    @Test
    void exportOfUnknownAreaIsNotFound() {
        HttpResponse<byte[]> response = download("/hsds/export.zip?area=no-such-area");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("There is no workforce area with code 'no-such-area'");
    }

    /** Downloads as a browser does, accepting any content type. */
    private HttpResponse<byte[]> download(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Accept", "*/*").timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("Download of " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while downloading " + path, e);
        }
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new java.util.TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void organizationsMatchSchema() {
        String organizationId = HsdsIds.of("organization", partner.partnerId());

        // Other tests in the same JVM add partners, so an unfiltered first page may not reach this one.
        JsonNode page = getJson("/hsds/organizations?per_page=200&search=" + partner.suffix());
        JsonNode organization = getJson("/hsds/organizations/" + organizationId);

        HsdsSchemaValidator.assertValidPage("organization", page);
        assertThat(ids(page)).contains(organizationId);
        HsdsSchemaValidator.assertValid("organization", organization);
        assertThat(organization.path("name").asString()).isEqualTo(partner.partnerName());
        assertThat(organization.path("locations").path(0).path("id").asString())
                .isEqualTo(HsdsIds.of("location", partner.officeId()));
        assertThat(organization.path("programs").path(0).path("id").asString())
                .isEqualTo(HsdsIds.of("program", partner.programId()));
    }

    @Test
    void serviceAtLocationsMatchSchema() {
        String id = HsdsIds.of("service_at_location", partner.serviceId());

        JsonNode page = getJson("/hsds/service_at_locations?organization_id=" + HsdsIds.of("organization", partner.partnerId()));
        JsonNode serviceAtLocation = getJson("/hsds/service_at_locations/" + id);

        HsdsSchemaValidator.assertValidPage("service_at_location", page);
        assertThat(ids(page)).containsExactly(id);
        HsdsSchemaValidator.assertValid("service_at_location", serviceAtLocation);
        HsdsSchemaValidator.assertValid("service", serviceAtLocation.path("service"));
        assertThat(serviceAtLocation.path("location").path("attributes").path(0).path("value").asString())
                .isEqualTo("America/Indiana/Indianapolis");
    }

    @Test
    void demoAreaServicesAllMatchSchema() {
        JsonNode page = getJson("/hsds/services?per_page=200");

        for (JsonNode service : page.path("contents")) {
            HsdsSchemaValidator.assertValid("service", getJson("/hsds/services/" + service.path("id").asString()));
        }
        for (JsonNode organization : getJson("/hsds/organizations?per_page=200").path("contents")) {
            HsdsSchemaValidator.assertValid("organization",
                    getJson("/hsds/organizations/" + organization.path("id").asString()));
        }
    }

    @Test
    void unknownIdIsNotFound() {
        HttpResponse<String> unknown = anonymous.get("/hsds/services/" + UUID.randomUUID());
        HttpResponse<String> notUuid = anonymous.get("/hsds/organizations/42");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(notUuid.statusCode()).isEqualTo(404);
        assertThat(notUuid.body()).contains("HSDS ids are UUIDs");
    }

    @Test
    void invalidPageIsBadRequest() {
        HttpResponse<String> zeroPage = anonymous.get("/hsds/services?page=0");
        HttpResponse<String> hugePage = anonymous.get("/hsds/services?per_page=5000");
        HttpResponse<String> badDate = anonymous.get("/hsds/services?modified_after=yesterday");

        assertThat(zeroPage.statusCode()).isEqualTo(400);
        assertThat(zeroPage.body()).contains("count from 1");
        assertThat(hugePage.statusCode()).isEqualTo(400);
        assertThat(hugePage.body()).contains("per_page");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("modified_after 'yesterday' is invalid");
    }

    @Test
    void modifiedAfterFilters() {
        JsonNode future = getJson("/hsds/services?modified_after=2999-01-01");
        JsonNode past = getJson("/hsds/services?modified_after=2000-01-01T00:00:00Z&per_page=1");

        assertThat(future.path("total_items").asInt()).isZero();
        assertThat(past.path("total_items").asInt()).isPositive();
    }

    @Test
    void staffPagesStillNeedSignIn() {
        HttpResponse<String> page = anonymous.send(anonymous.request("/directory").header("Accept", "text/html").GET().build());
        HttpResponse<String> api = anonymous.get("/api/v1/services");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/sign-in"));
        assertThat(api.statusCode()).isEqualTo(401);
    }

    @Test
    void sqlIdsMatchJavaIds() {
        UUID fromSql = jdbc.sql("SELECT hsds_uuid('service', :id)")
                .param("id", String.valueOf(partner.serviceId()))
                .query(UUID.class)
                .single();

        assertThat(fromSql.toString()).isEqualTo(serviceId);
        assertThat(UUID.nameUUIDFromBytes(("onedoor:service:" + partner.serviceId()).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(fromSql);
    }

    private static List<String> ids(JsonNode page) {
        return page.path("contents").valueStream().map(item -> item.path("id").asString()).toList();
    }

    private JsonNode getJson(String path) {
        HttpResponse<String> response = anonymous.get(path);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
