package org.onedoor.businesses.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.businesses.IncomingAddress;
import org.onedoor.businesses.IncomingBusiness;
import org.onedoor.businesses.Registration;
import org.onedoor.businesses.SourceReference;
import org.onedoor.support.TestAccounts;
import org.onedoor.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Uses the "Register a new business" page as a signed-in staff member would, without JavaScript. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NewBusinessPageTest {

    @LocalServerPort
    int port;

    @Autowired
    BusinessRegistry registry;

    WebSession session;

    @BeforeEach
    void signIn() {
        session = WebSession.signIn(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
    }

    @Test
    void showsFormWithScoringExplanation() {
        HttpResponse<String> page = session.get("/businesses/new");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Register a new business</h1>");
        assertThat(page.body()).contains("How candidates are scored");
        assertThat(page.body()).contains("id=\"legalName\"");
    }

    @Test
    void showsCandidatesWhileFilling() {
        String word = DuplicateCheckApiTest.word();
        Registration existing = register("Larkspur " + word + " Florist", "610 S Main St");

        HttpResponse<String> fragment = session.postForm("/businesses/new", "/businesses/new/candidates",
                form("Larkspur " + word + " Florist LLC", "610 South Main Street"));

        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).contains("href=\"/businesses/" + existing.businessId() + "\"");
        assertThat(fragment.body()).contains("Likely duplicate");
        assertThat(fragment.body()).contains("Same street address 610 S Main St");
    }

    @Test
    void requiresCheckboxForLikelyDuplicate() {
        String word = DuplicateCheckApiTest.word();
        Registration existing = register("Bramble " + word + " Books", "75 N Hill St");

        HttpResponse<String> page = session.postForm("/businesses/new", "/businesses/new",
                form("BRAMBLE " + word.toUpperCase() + " BOOKS INC", "75 North Hill Street"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("This business may already be registered");
        assertThat(page.body()).contains("id=\"confirmDifferentBusiness\"");
        assertThat(page.body()).contains("aria-describedby=\"confirmDifferentBusiness-error\"");
        assertThat(page.body()).contains("href=\"/businesses/" + existing.businessId() + "\"");
    }

    @Test
    void createsBusinessWhenConfirmedAndRedirects() {
        String word = DuplicateCheckApiTest.word();
        Registration existing = register("Bramble " + word + " Books", "75 N Hill St");
        Map<String, String> fields = form("Bramble " + word + " Books", "75 N Hill St");
        fields.put("confirmDifferentBusiness", "true");

        HttpResponse<String> response = session.postForm("/businesses/new", "/businesses/new", fields);

        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/businesses/[0-9]+$");
        assertThat(location).doesNotEndWith("/businesses/" + existing.businessId());
        HttpResponse<String> created = session.get(location.replaceFirst("^https?://[^/]+", ""));
        assertThat(created.body()).contains("Registered Bramble " + word + " Books as a new business.");
    }

    @Test
    void createsBusinessWithoutCandidatesDirectly() {
        String word = DuplicateCheckApiTest.word();

        HttpResponse<String> response = session.postForm("/businesses/new", "/businesses/new",
                form("Obsidian " + word + " Glassworks", "4410 Cleveland Rd"));

        assertThat(response.statusCode()).isEqualTo(302);
    }

    @Test
    void showsFieldErrorsWithSummary() {
        Map<String, String> fields = form("Cobalt " + DuplicateCheckApiTest.word() + " Tile", "12 Oak St");
        fields.put("zipCode", "4660");

        HttpResponse<String> page = session.postForm("/businesses/new", "/businesses/new", fields);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"error-summary\"");
        assertThat(page.body()).contains("ZIP code &#39;4660&#39; is invalid: it has 4 digits.");
        assertThat(page.body()).contains("aria-describedby=\"zipCode-hint zipCode-error\"");
    }

    private Registration register(String name, String street) {
        return registry.register(new IncomingBusiness(name, List.of(), null, null, null, null, null, null,
                new IncomingAddress(street, null, "South Bend", "IN", "46601", "US", null), Map.of()),
                new SourceReference("IMPORT_ROW", "matching-page-test.csv", null, 2, Map.of(), null, null));
    }

    private static Map<String, String> form(String legalName, String street) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("legalName", legalName);
        fields.put("streetAddress", street);
        fields.put("city", "South Bend");
        fields.put("state", "IN");
        fields.put("zipCode", "46601");
        return fields;
    }
}
