package org.onedoor.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.onedoor.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A change to a service is visible at every door at once: the edit form saves it, and the very next requests to
 * the service page, the search page and the API return it, with response headers that forbid caching.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoStaleDirectoryTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestPartner partner;
    WebSession session;
    ApiClient api;

    @BeforeEach
    void setUp() {
        partner = DirectoryFixtures.createPartner(jdbc);
        session = WebSession.signIn(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        api = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
    }

    @Test
    void editIsVisibleAtOnceEverywhere() {
        String servicePath = "/directory/services/" + partner.serviceId();
        String searchPath = "/directory?q=" + encode(partner.serviceName());
        String apiPath = "/api/v1/services/" + partner.serviceId();
        assertThat(session.get(servicePath).body()).contains("Forklift operator training for new hires.");
        assertThat(session.get(searchPath).body()).contains("Employers hiring warehouse workers.");
        assertThat(api.get(apiPath).body()).contains("Forklift operator training for new hires.");

        HttpResponse<String> saved = session.postForm(servicePath + "/edit", servicePath + "/edit", editedService());
        assertThat(saved.statusCode()).isEqualTo(302);

        HttpResponse<String> servicePage = session.get(servicePath);
        HttpResponse<String> searchPage = session.get(searchPath);
        HttpResponse<String> apiResponse = api.get(apiPath);
        assertThat(servicePage.body()).contains("Reach-truck and forklift training for new hires.")
                .contains("Employers hiring two or more warehouse workers.");
        assertThat(searchPage.body()).contains("Employers hiring two or more warehouse workers.");
        assertThat(apiResponse.body()).contains("Reach-truck and forklift training for new hires.")
                .contains("Employers hiring two or more warehouse workers.");
        for (HttpResponse<String> response : new HttpResponse[] {servicePage, searchPage, apiResponse}) {
            assertThat(response.headers().firstValue("Cache-Control")).as(response.uri().toString())
                    .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        }
    }

    @Test
    void directoryListsForbidCaching() {
        for (String path : new String[] {"/api/v1/services", "/api/v1/partners", "/api/v1/offices/" + partner.officeId()}) {
            HttpResponse<String> response = api.get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).as(path)
                    .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        }
        for (String path : new String[] {"/directory/partners/" + partner.partnerId(),
                "/directory/offices/" + partner.officeId(), "/directory/services.csv"}) {
            HttpResponse<String> response = session.get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).as(path)
                    .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        }
    }

    private Map<String, String> editedService() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", partner.serviceName());
        fields.put("programId", String.valueOf(partner.programId()));
        fields.put("officeId", String.valueOf(partner.officeId()));
        fields.put("categoryCode", "training");
        fields.put("description", "Reach-truck and forklift training for new hires.");
        fields.put("eligibilityDescription", "Employers hiring two or more warehouse workers.");
        fields.put("contactName", "");
        fields.put("contactEmail", "");
        fields.put("contactPhone", "");
        fields.put("active", "true");
        return fields;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
