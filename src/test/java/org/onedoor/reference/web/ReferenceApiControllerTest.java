package org.onedoor.reference.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the reference data API over HTTP on loopback, as a signed-in staff member and without credentials. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReferenceApiControllerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private ApiClient staff() {
        return ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
    }

    @Test
    void naicsCodeWithSectorParentAndChildren() {
        HttpResponse<String> response = staff().get("/api/v1/naics/541511");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(contentType(response)).startsWith("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("code").asString()).isEqualTo("541511");
        assertThat(body.get("title").asString()).isEqualTo("Custom Computer Programming Services");
        assertThat(body.get("level").asInt()).isEqualTo(6);
        assertThat(body.get("sector").get("code").asString()).isEqualTo("54");
        assertThat(body.get("sector").get("title").asString()).isEqualTo("Professional, Scientific, and Technical Services");
        assertThat(body.get("parent").get("code").asString()).isEqualTo("54151");
        assertThat(body.get("children").isArray()).isTrue();
        assertThat(body.get("children").size()).isZero();
    }

    @Test
    void naicsRangeSectorHasChildren() {
        HttpResponse<String> response = staff().get("/api/v1/naics/31-33");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("parent").isNull()).isTrue();
        assertThat(body.get("sector").get("code").asString()).isEqualTo("31-33");
        assertThat(body.get("children").findValuesAsString("code")).hasSize(21).contains("311", "339");
    }

    @Test
    void unknownNaicsIsProblem404() {
        HttpResponse<String> response = staff().get("/api/v1/naics/999999");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(contentType(response)).startsWith("application/problem+json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(404);
        assertThat(body.get("detail").asString()).isEqualTo("NAICS 2022 code '999999' was not found. Use a 2- to "
                + "6-digit code from the 2022 edition, such as 541511.");
        assertThat(body.get("instance").asString()).isEqualTo("/api/v1/naics/999999");
    }

    @Test
    void sectorPartOfRangeNamesRange() {
        HttpResponse<String> response = staff().get("/api/v1/naics/31");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("detail").asString())
                .contains("'31' was not found")
                .contains("31-33");
    }

    @Test
    void malformedNaicsIsProblem400() {
        HttpResponse<String> response = staff().get("/api/v1/naics/abc");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(contentType(response)).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("detail").asString())
                .contains("'abc' is invalid")
                .contains("541511");
    }

    @Test
    void withoutCredentialsIs401() {
        HttpResponse<String> response = ApiClient.anonymous(port).get("/api/v1/naics/541511");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("Custom Computer Programming Services");
    }

    @Test
    void wrongPasswordIs401() {
        HttpResponse<String> response = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, "not-the-password")
                .get("/api/v1/naics/541511");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void searchNaicsByTitle() {
        HttpResponse<String> response = staff().get("/api/v1/naics?q=software");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.findValuesAsString("code")).contains("513210");
        assertThat(body.get(0).has("sectorCode")).isTrue();
    }

    @Test
    void searchNaicsLimits() {
        assertThat(JSON.readTree(staff().get("/api/v1/naics?q=manufacturing&limit=50").body()).size()).isEqualTo(50);
        assertThat(JSON.readTree(staff().get("/api/v1/naics?q=manufacturing").body()).size()).isEqualTo(20);
        assertThat(staff().get("/api/v1/naics?q=manufacturing&limit=51").statusCode()).isEqualTo(400);
        assertThat(staff().get("/api/v1/naics?q=manufacturing&limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void searchNaicsWithoutQueryIs400() {
        HttpResponse<String> missing = staff().get("/api/v1/naics");
        HttpResponse<String> blank = staff().get("/api/v1/naics?q=%20");

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(blank.body()).get("detail").asString()).contains("'q'");
    }

    @Test
    void statesListed() {
        HttpResponse<String> response = staff().get("/api/v1/states");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.size()).isEqualTo(51);
        assertThat(body.findValuesAsString("abbreviation")).contains("DC", "NM", "WY");
    }

    @Test
    void countiesOfStateInUtf8() {
        HttpResponse<String> response = staff().get("/api/v1/states/nm/counties");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.size()).isEqualTo(33);
        assertThat(body.findValuesAsString("name")).contains("Doña Ana County");
        assertThat(body.findValuesAsString("fips")).contains("35013");
    }

    @Test
    void countiesOfUnknownState() {
        HttpResponse<String> unknown = staff().get("/api/v1/states/ZZ/counties");
        HttpResponse<String> malformed = staff().get("/api/v1/states/N1/counties");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("detail").asString()).contains("'ZZ'");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).get("detail").asString()).contains("'N1'");
    }

    @Test
    void federalProgramsListed() {
        HttpResponse<String> response = staff().get("/api/v1/federal-programs");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        List<String> codes = body.findValuesAsString("code");
        assertThat(codes).contains("wioa-adult", "tanf", "snap-et");
        assertThat(body.get(0).has("federalAgency")).isTrue();
        assertThat(body.get(0).get("required").asBoolean()).isTrue();
    }

    @Test
    void employerServiceCategoriesListed() {
        HttpResponse<String> response = staff().get("/api/v1/employer-service-categories");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.size()).isEqualTo(8);
        assertThat(body.get(0).get("name").asString()).isEqualTo("Employer Information and Support Services");
        assertThat(body.get(7).get("code").asString()).isEqualTo("planning-layoff-response");
    }

    private static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }
}
