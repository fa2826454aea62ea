package org.onedoor.publicdirectory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.TestAccounts;
import org.onedoor.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the staff inbox of contact requests as staff of one area and as the administrator, marks requests handled,
 * and checks the count on the home page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContactRequestInboxTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    TestPartner ours;
    TestPartner theirs;
    WebSession staff;

    @BeforeEach
    void signInStaffOfOneArea() {
        ours = DirectoryFixtures.createPartner(jdbc);
        theirs = DirectoryFixtures.createPartner(jdbc);
        String email = "inbox-" + ours.suffix() + "@onedoor.test";
        TestAccounts.ensure(accounts, email, Role.STAFF, ours.partnerId());
        staff = WebSession.signIn(port, email, TestAccounts.PASSWORD);
    }

    @Test
    void inboxListsOwnAreaNewestFirst() {
        request(ours, "Older " + ours.suffix());
        request(ours, "Newer " + ours.suffix());
        request(theirs, "Elsewhere " + theirs.suffix());

        String body = staff.get("/contact-requests").body();

        assertThat(body).contains("Older " + ours.suffix(), "Newer " + ours.suffix());
        assertThat(body.indexOf("Newer " + ours.suffix())).isLessThan(body.indexOf("Older " + ours.suffix()));
        assertThat(body).doesNotContain("Elsewhere " + theirs.suffix());
        assertThat(body).contains("2 requests");
    }

    @Test
    void inboxLinksToBusiness() {
        long requestId = request(ours, "Linked " + ours.suffix());
        long businessId = jdbc.sql("SELECT business_id FROM contact_request WHERE id = :id").param("id", requestId)
                .query(Long.class).single();

        String body = staff.get("/contact-requests").body();

        assertThat(body).contains("href=\"/businesses/" + businessId + "\"");
    }

    @Test
    void markHandledClosesRequest() {
        long requestId = request(ours, "Handled " + ours.suffix());

        HttpResponse<String> response = staff.postForm("/contact-requests", "/contact-requests/" + requestId + "/handled",
                Map.of());

        assertThat(response.statusCode()).isEqualTo(302);
        Map<String, Object> row = jdbc.sql("SELECT status, closed_at, closed_by FROM contact_request WHERE id = :id")
                .param("id", requestId).query().singleRow();
        assertThat(row.get("status")).isEqualTo("CLOSED");
        assertThat(row.get("closed_at")).isNotNull();
        assertThat(row.get("closed_by")).isNotNull();
        assertThat(staff.get("/contact-requests").body())
                .contains("Marked the request from Handled " + ours.suffix() + " as handled.");
        assertThat(staff.get("/contact-requests").body()).doesNotContain("Handled " + ours.suffix());
        assertThat(staff.get("/contact-requests?show=all").body()).contains("Handled " + ours.suffix());
    }

    @Test
    void otherAreaRequestIsNotFound() {
        long requestId = request(theirs, "Foreign " + theirs.suffix());

        HttpResponse<String> response = staff.postForm("/contact-requests", "/contact-requests/" + requestId + "/handled",
                Map.of());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT status FROM contact_request WHERE id = :id").param("id", requestId)
                .query(String.class).single()).isEqualTo("NEW");
    }

    @Test
    void homePageCountsNewRequests() {
        assertThat(staff.get("/").body()).contains("0 new contact requests from businesses");

        long requestId = request(ours, "Counted " + ours.suffix());
        request(theirs, "Not counted " + theirs.suffix());

        assertThat(staff.get("/").body()).contains("1 new contact request from a business");
        staff.postForm("/contact-requests", "/contact-requests/" + requestId + "/handled", Map.of());
        assertThat(staff.get("/").body()).contains("0 new contact requests from businesses");
    }

    @Test
    void administratorSeesEveryArea() {
        request(ours, "Admin ours " + ours.suffix());
        request(theirs, "Admin theirs " + theirs.suffix());
        WebSession admin = WebSession.signIn(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);

        String body = admin.get("/contact-requests").body();

        assertThat(body).contains("Admin ours " + ours.suffix(), "Admin theirs " + theirs.suffix());
    }

    /** Sends a request about the partner's service through the public form and returns its id. */
    private long request(TestPartner partner, String businessName) {
        Map<String, String> fields = Map.of(
                "businessName", businessName,
                "personName", "Test Person",
                "email", "person-" + UUID.randomUUID() + "@example.com",
                "preferredMethod", "EMAIL",
                "message", "We need help hiring.",
                "services", String.valueOf(partner.serviceId()),
                "consent", "true");
        HttpResponse<String> response = WebSession.anonymous(port)
                .postForm("/find-services/contact", "/find-services/contact", fields);
        assertThat(response.statusCode()).as("contact form response").isEqualTo(302);
        return jdbc.sql("SELECT id FROM contact_request WHERE business_name = :name").param("name", businessName)
                .query(Long.class).single();
    }
}
