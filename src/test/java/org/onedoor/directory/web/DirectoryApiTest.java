package org.onedoor.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the directory API over HTTP on loopback, with HTTP Basic credentials and without. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DirectoryApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestPartner partner;

    @BeforeEach
    void setUp() {
        partner = DirectoryFixtures.createPartner(jdbc);
    }

    private ApiClient staff() {
        return ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
    }

    @Test
    void partnersListFindsDemoAndTestPartners() {
        JsonNode demo = JSON.readTree(ok("/api/v1/partners?q=WorkOne"));
        JsonNode test = JSON.readTree(ok("/api/v1/partners?q=" + partner.suffix()));

        assertThat(demo.get("items").findValuesAsString("name")).contains("WorkOne Northern Indiana");
        assertThat(test.get("items").findValuesAsString("name")).containsExactly(partner.partnerName());
        assertThat(test.get("total").asLong()).isEqualTo(1);
    }

    @Test
    void areasListIncludesTestArea() {
        JsonNode areas = JSON.readTree(ok("/api/v1/areas"));

        assertThat(areas.findValuesAsString("name")).contains("Test area " + partner.suffix());
        assertThat(areas.findValuesAsString("code")).contains("test-area-" + partner.suffix());
    }

    @Test
    void partnersListPagesInsteadOfCutting() {
        JsonNode first = JSON.readTree(ok("/api/v1/partners?page=0&size=2"));
        long total = first.get("total").asLong();

        assertThat(first.get("items")).hasSize(2);
        assertThat(total).isGreaterThanOrEqualTo(11);
        JsonNode last = JSON.readTree(ok("/api/v1/partners?page=" + ((total - 1) / 2) + "&size=2"));
        assertThat(last.get("items")).hasSize((int) (total - 2 * ((total - 1) / 2)));
    }

    @Test
    void partnerHasOfficesWithZonesAndPrograms() {
        JsonNode body = JSON.readTree(ok("/api/v1/partners/" + partner.partnerId()));

        assertThat(body.get("name").asString()).isEqualTo(partner.partnerName());
        assertThat(body.get("offices").get(0).get("timeZone").asString()).isEqualTo("America/Indiana/Indianapolis");
        assertThat(body.get("programs").get(0).get("federalProgramCode").asString()).isEqualTo("wioa-adult");
    }

    @Test
    void programsOfPartner() {
        JsonNode body = JSON.readTree(ok("/api/v1/programs?partnerId=" + partner.partnerId()));

        assertThat(body.size()).isEqualTo(1);
        assertThat(body.get(0).get("name").asString()).isEqualTo("Test program " + partner.suffix());
    }

    @Test
    void programsOfEveryPartnerWithoutFilter() {
        JsonNode body = JSON.readTree(ok("/api/v1/programs"));

        List<String> names = new ArrayList<>();
        body.forEach(program -> names.add(program.get("name").asString()));
        assertThat(names).contains("Test program " + partner.suffix(), "WIOA Title I Adult");
    }

    @Test
    void servicesSearchIsPagedAndFiltered() {
        JsonNode all = JSON.readTree(ok("/api/v1/services?size=5&page=1"));
        JsonNode own = JSON.readTree(ok("/api/v1/services?partnerId=" + partner.partnerId() + "&category=training"
                + "&q=forklift"));
        JsonNode wrongCategory = JSON.readTree(ok("/api/v1/services?partnerId=" + partner.partnerId()
                + "&category=rapid-response"));

        assertThat(all.get("items").size()).isEqualTo(5);
        assertThat(all.get("page").asInt()).isEqualTo(1);
        assertThat(all.get("total").asLong()).isGreaterThanOrEqualTo(30);
        assertThat(own.get("total").asLong()).isEqualTo(1);
        JsonNode service = own.get("items").get(0);
        assertThat(service.get("name").asString()).isEqualTo(partner.serviceName());
        assertThat(service.get("category").get("code").asString()).isEqualTo("training");
        assertThat(service.get("officeTimeZone").asString()).isEqualTo("America/Indiana/Indianapolis");
        assertThat(service.get("eligibility").asString()).isEqualTo("Employers hiring warehouse workers.");
        assertThat(service.get("verification").get("status").asString()).isEqualTo("not-verified");
        assertThat(wrongCategory.get("total").asLong()).isZero();
    }

    @Test
    void serviceHasOfficeAndVerification() {
        jdbc.sql("UPDATE service SET last_verified_at = now(), last_verified_by = 'API test' WHERE id = :id")
                .param("id", partner.serviceId()).update();

        JsonNode body = JSON.readTree(ok("/api/v1/services/" + partner.serviceId()));

        assertThat(body.get("office").get("id").asLong()).isEqualTo(partner.officeId());
        assertThat(body.get("office").get("timeZone").asString()).isEqualTo("America/Indiana/Indianapolis");
        assertThat(body.get("verification").get("status").asString()).isEqualTo("verified");
        assertThat(body.get("verification").get("lastVerifiedBy").asString()).isEqualTo("API test");
        assertThat(body.get("verification").get("lastVerifiedAt").asString()).endsWith("Z");
    }

    @Test
    void officeHasAddressAndZone() {
        JsonNode body = JSON.readTree(ok("/api/v1/offices/" + partner.officeId()));

        assertThat(body.get("zip").asString()).isEqualTo("46544");
        assertThat(body.get("countyFips").asString()).isEqualTo("18141");
        assertThat(body.get("countyName").asString()).isEqualTo("St. Joseph County");
    }

    @Test
    void unknownIdsAreProblem404() {
        for (String path : new String[] {"/api/v1/partners/999999999", "/api/v1/services/999999999",
                "/api/v1/offices/999999999", "/api/v1/programs?partnerId=999999999",
                "/api/v1/services?partnerId=999999999"}) {
            HttpResponse<String> response = staff().get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(response.body()).get("detail").asString()).as(path).contains("999999999 was not found");
        }
    }

    @Test
    void invalidPageSizeIsProblem400() {
        HttpResponse<String> response = staff().get("/api/v1/services?size=500");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("errors").get(0).get("field").asString()).isEqualTo("size");
    }

    @Test
    void servicesWithoutCredentialsAreProblem401() {
        HttpResponse<String> response = ApiClient.anonymous(port).get("/api/v1/services");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void invalidServiceFiltersAreProblem400() {
        HttpResponse<String> category = staff().get("/api/v1/services?category=bogus");
        HttpResponse<String> county = staff().get("/api/v1/services?countyFips=abc");
        HttpResponse<String> unknownCounty = staff().get("/api/v1/services?countyFips=99999");

        assertThat(category.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(category.body()).get("errors").get(0).get("message").asString())
                .contains("Category 'bogus' does not exist");
        assertThat(county.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(county.body()).get("errors").get(0).get("message").asString())
                .contains("'abc' is invalid").contains("5-digit");
        assertThat(unknownCounty.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknownCounty.body()).get("errors").get(0).get("message").asString())
                .contains("'99999' names no county");
    }

    private String ok(String path) {
        HttpResponse<String> response = staff().get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }
}
