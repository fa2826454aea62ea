package org.onedoor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.onedoor.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sends input that the database or the JSON reader cannot take, and checks that each gets a 400 naming the fix
 * instead of a server error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestInputTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ApiClient admin() {
        return ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
    }

    @Test
    void nulInApiParameterNamesIt() {
        HttpResponse<String> response = admin().get("/api/v1/businesses?q=a%00b");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"q\"", "NUL character (0x00)");
    }

    @Test
    void nulOnPublicPageIsBadRequest() {
        HttpResponse<String> search = WebSession.anonymous(port).get("/find-services?q=%00");
        HttpResponse<String> hsds = ApiClient.anonymous(port).get("/hsds/services?search=a%00b");

        assertThat(search.statusCode()).isEqualTo(400);
        assertThat(search.body()).contains("NUL character (0x00)");
        assertThat(hsds.statusCode()).isEqualTo(400);
    }

    @Test
    void nulInJsonBodyIsBadRequest() {
        HttpResponse<String> response = admin().post("/api/v1/businesses", "application/json",
                HttpRequest.BodyPublishers.ofString("{\"legalName\": \"Nul\\u0000 Tool Works\", \"city\": \"South Bend\"}"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("NUL character (0x00)");
    }

    @Test
    void unknownStateIsBadRequest() {
        HttpResponse<String> response = admin().post("/api/v1/businesses", "application/json",
                HttpRequest.BodyPublishers.ofString("{\"legalName\": \"Nowhere State Tool Works\", "
                        + "\"streetAddress\": \"5 Main St\", \"city\": \"South Bend\", \"state\": \"XX\", "
                        + "\"zipCode\": \"46601\"}"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("State 'XX' was not found");
    }

    @Test
    void unknownFieldIsBadRequest() {
        HttpResponse<String> response = admin().post("/api/v1/businesses", "application/json",
                HttpRequest.BodyPublishers.ofString("{\"legalName\": \"Unknown Field Tool Works\", "
                        + "\"employeeCount\": 12}"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Field 'employeeCount' is unknown").contains("legalName");
    }

    @Test
    void malformedJsonIsBadRequest() {
        HttpResponse<String> response = admin().post("/api/v1/businesses", "application/json",
                HttpRequest.BodyPublishers.ofString("{\"legalName\": 5"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not valid JSON");
    }

    @Test
    void fractionForWholeNumberIsRejected() {
        long serviceId = jdbc.sql("SELECT min(id) FROM service WHERE active").query(Long.class).single();

        HttpResponse<String> response = admin().putJson("/api/v1/services/" + serviceId + "/capacity",
                "{\"unit\": \"SLOTS\", \"available\": 1.5, \"maximum\": 10}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("available");
    }
}
