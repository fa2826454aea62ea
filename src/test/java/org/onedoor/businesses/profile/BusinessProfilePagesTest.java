package org.onedoor.businesses.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.TestAccounts;
import org.onedoor.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Uses the forms of the business page as staff would: missing facts, corrections and contacts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BusinessProfilePagesTest {

    @LocalServerPort
    int port;

    @Autowired
    BusinessRegistry registry;

    private final UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    private long businessId;
    private WebSession page;
    private UserAccount staff;

    @Autowired
    BusinessProfilePagesTest(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @BeforeEach
    void setUp() {
        long partnerId = ProfileFixtures.partner(jdbc, "Page test partner " + ProfileFixtures.uniqueWord());
        staff = ProfileFixtures.account(accounts, Role.STAFF, partnerId);
        page = WebSession.signIn(port, staff.email(), TestAccounts.PASSWORD);
        businessId = ProfileFixtures.importedBusiness(registry, ProfileFixtures.uniqueWord());
    }

    @Test
    void missingFactsFormAsksOnlyForUnknownFacts() {
        String body = page.get(path()).body();

        assertThat(body).contains("id=\"missing-facts\"");
        assertThat(body).contains("name=\"fein\"").contains("name=\"yearStarted\"").contains("name=\"employeeBand\"");
        assertThat(body).doesNotContain("name=\"naicsCode\"").doesNotContain("name=\"legalName\"");
        assertThat(body).contains("722511 Full-Service Restaurants");
        assertThat(body).contains("Show source").contains("profile-test.csv line 2").contains("import row");
    }

    @Test
    void answeringMissingFactsSavesThemAndStopsAsking() {
        String fein = ProfileFixtures.uniqueFein();

        HttpResponse<String> response = page.postForm(path(), path() + "/facts",
                Map.of("fein", fein, "yearStarted", "1987", "employeeBand", "", "naicsCode", "111110"));

        assertThat(response.statusCode()).isEqualTo(302);
        String body = page.get(path()).body();
        assertThat(body).contains("Saved 2 facts.");
        assertThat(body).doesNotContain("name=\"fein\"").doesNotContain("name=\"yearStarted\"")
                .contains("name=\"employeeBand\"");
        assertThat(body).contains(fein).contains("staff entry, OneDoor business page");
        assertThat(jdbc.sql("SELECT naics_code FROM business WHERE id = :id").param("id", businessId)
                .query(String.class).single()).isEqualTo("722511");
    }

    @Test
    void invalidAnswerShowsFieldMessage() {
        HttpResponse<String> response = page.postForm(path(), path() + "/facts", Map.of("yearStarted", "nineteen"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("usa-form-group--error")
                .contains("Year started &#39;nineteen&#39; is not a whole number")
                .contains("aria-describedby=\"fact-yearStarted-error fact-yearStarted-hint\"");
    }

    @Test
    void correctionChangesKnownFactAndKeepsOldValue() {
        String form = page.get(path() + "?correct=naicsCode").body();
        assertThat(form).contains("Correct NAICS 2022 code").contains("value=\"722511\"");

        HttpResponse<String> response = page.postForm(path() + "?correct=naicsCode", path() + "/correct",
                Map.of("field", "naicsCode", "value", "311811"));

        assertThat(response.statusCode()).isEqualTo(302);
        String body = page.get(path()).body();
        assertThat(body).contains("Corrected NAICS 2022 code.").contains("311811");
        assertThat(jdbc.sql("SELECT old_value || ' -> ' || new_value FROM business_history WHERE business_id = :id"
                        + " AND field = 'naics_code' AND action = 'CHANGED' AND actor_user_id = :user")
                .param("id", businessId).param("user", staff.id()).query(String.class).single())
                .isEqualTo("722511 -> 311811");
    }

    @Test
    void contactFormAddsContactWithProvenance() {
        HttpResponse<String> response = page.postForm(path(), path() + "/contacts", Map.of("contactName", "Ana Lucía",
                "contactRole", "Owner", "contactEmail", "ana@example.org", "contactPhone", "574-555-0188",
                "contactPreferredMethod", "IN_PERSON"));

        assertThat(response.statusCode()).isEqualTo(302);
        String body = page.get(path()).body();
        assertThat(body).contains("Added contact Ana Lucía.").contains("ana@example.org").contains("In person");
        assertThat(body).contains("source-contact-");
    }

    @Test
    void contactFormRejectsMissingName() {
        HttpResponse<String> response = page.postForm(path(), path() + "/contacts", Map.of("contactName", " ",
                "contactEmail", "not-an-email"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Contact name is missing").contains("Email &#39;not-an-email&#39; is invalid");
    }

    private String path() {
        return "/businesses/" + businessId;
    }
}
