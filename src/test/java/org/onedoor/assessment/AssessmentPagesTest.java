package org.onedoor.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.onedoor.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Starts and blocks assessments through the pages, guards the instrument editor, and races two starts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AssessmentPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    BusinessRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    private TestPartner partner;
    private UserAccount staff;
    private UserAccount otherStaff;
    private long businessId;

    @BeforeEach
    void setUp() {
        partner = DirectoryFixtures.createPartner(jdbc);
        staff = AssessmentFixtures.account(accounts, Role.STAFF, partner.partnerId());
        TestPartner other = DirectoryFixtures.createPartner(jdbc);
        otherStaff = AssessmentFixtures.account(accounts, Role.STAFF, other.partnerId());
        businessId = AssessmentFixtures.business(registry);
    }

    private String page() {
        return "/businesses/" + businessId + "/assessment";
    }

    @Test
    void secondStartOnPageIsBlocked() {
        WebSession first = WebSession.signIn(port, staff.email(), TestAccounts.PASSWORD);
        HttpResponse<String> started = first.postForm(page(), page(), Map.of("answer-hard-to-fill", "yes"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);

        WebSession second = WebSession.signIn(port, otherStaff.email(), TestAccounts.PASSWORD);
        String shown = second.get(page()).body();
        HttpResponse<String> blocked = second.postForm(page(), page(), Map.of("answer-hard-to-fill", "no"));

        assertThat(shown).contains("A new assessment is blocked").contains("Update this assessment")
                .contains("Find and hire workers");
        assertThat(blocked.statusCode()).isEqualTo(409);
        assertThat(blocked.body()).contains("Update it instead");
        assertThat(jdbc.sql("SELECT count(*) FROM needs_assessment WHERE business_id = :id").param("id", businessId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void updateOnPageIsRecorded() {
        WebSession session = WebSession.signIn(port, staff.email(), TestAccounts.PASSWORD);
        session.postForm(page(), page(), Map.of("answer-hard-to-fill", "no"));

        HttpResponse<String> updated = session.postForm(page(), page() + "/update",
                Map.of("answer-hard-to-fill", "yes", "answer-expansion-jobs", ""));

        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(302);
        String shown = session.get(page()).body();
        assertThat(shown).contains("Updates").contains("no to yes").contains("Needs: none to HIRE");
    }

    @Test
    void staffCannotEditInstrument() {
        WebSession session = WebSession.signIn(port, staff.email(), TestAccounts.PASSWORD);
        String instrument = "/areas/" + partner.areaId() + "/assessment-instrument";

        HttpResponse<String> shown = session.get(instrument);
        HttpResponse<String> draft = session.postForm(instrument, instrument + "/draft", Map.of());

        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("Version 1, the standard instrument").doesNotContain("Start a draft");
        assertThat(draft.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM assessment_instrument WHERE area_id = :id")
                .param("id", partner.areaId()).query(Long.class).single()).isZero();
    }

    @Test
    void validityRejectsInvalidMonths() {
        WebSession admin = WebSession.signIn(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        String instrument = "/areas/" + partner.areaId() + "/assessment-instrument";

        HttpResponse<String> text = admin.postForm(instrument, instrument + "/validity", Map.of("validityMonths", "a year"));
        HttpResponse<String> tooLong = admin.postForm(instrument, instrument + "/validity", Map.of("validityMonths", "61"));
        HttpResponse<String> saved = admin.postForm(instrument, instrument + "/validity", Map.of("validityMonths", "18"));

        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(text.body()).contains("Validity &#39;a year&#39; is not a whole number");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("Validity of 61 months is invalid");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT validity_months FROM assessment_area_setting WHERE area_id = :id")
                .param("id", partner.areaId()).query(Integer.class).single()).isEqualTo(18);
    }

    @Test
    void validityAppliesToNewAssessments() {
        jdbc.sql("INSERT INTO assessment_area_setting (area_id, validity_months) VALUES (:id, 3)")
                .param("id", partner.areaId()).update();
        WebSession session = WebSession.signIn(port, staff.email(), TestAccounts.PASSWORD);

        session.postForm(page(), page(), Map.of());

        assertThat(jdbc.sql("""
                        SELECT valid_until = completed_at + interval '3 months' FROM needs_assessment
                        WHERE business_id = :id""")
                .param("id", businessId).query(Boolean.class).single()).isTrue();
    }

    @Test
    void concurrentStartsCreateOne() throws Exception {
        List<CompletableFuture<Integer>> starts = new ArrayList<>();
        for (UserAccount account : List.of(staff, otherStaff, staff, otherStaff)) {
            ApiClient api = AssessmentFixtures.api(port, account);
            starts.add(CompletableFuture.supplyAsync(() -> AssessmentFixtures.post(api,
                    "/api/v1/businesses/" + businessId + "/assessments", "{\"answers\": {}}").statusCode()));
        }

        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> start : starts) {
            statuses.add(start.get(60, TimeUnit.SECONDS));
        }

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(status -> status == 201).count()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM needs_assessment WHERE business_id = :id").param("id", businessId)
                .query(Long.class).single()).isEqualTo(1);
    }
}
