package org.onedoor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.onedoor.support.ApiClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI 3.1 document, Swagger UI and the health endpoint, which need no sign-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDocumentationTest {

    @LocalServerPort
    int port;

    @Test
    void openApiDocumentListsEveryEndpoint() {
        HttpResponse<String> response = ApiClient.anonymous(port).get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = JsonMapper.builder().build().readTree(response.body());
        assertThat(document.get("openapi").asString()).isEqualTo("3.1.0");
        assertThat(document.get("info").get("title").asString()).isEqualTo("OneDoor API");
        JsonNode paths = document.get("paths");
        for (String path : new String[] {"/api/v1/businesses", "/api/v1/businesses/{id}", "/api/v1/imports/businesses",
                "/api/v1/imports/{id}", "/api/v1/partners", "/api/v1/programs", "/api/v1/services",
                "/api/v1/naics/{code}"}) {
            assertThat(paths.has(path)).as("path %s in the OpenAPI document", path).isTrue();
        }
    }

    @Test
    void swaggerUiIsServed() {
        HttpResponse<String> response = ApiClient.anonymous(port).get("/swagger-ui/index.html");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("swagger-ui");
    }

    @Test
    void healthReportsUp() {
        HttpResponse<String> response = ApiClient.anonymous(port).get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }
}
