package org.onedoor.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.identity.CurrentUser;
import org.onedoor.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review flag on every page and API that shows services, and the verify action that clears it. The fixture
 * partner keeps the default review period of 90 days.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReviewFlagsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;
    TestPartner partner;
    CurrentUser staff;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        partner = DirectoryFixtures.createPartner(jdbc);
        staff = DirectoryFixtures.user(Role.STAFF, partner.partnerId());
    }

    @Test
    void overdueServiceIsFlaggedOnEveryPage() throws Exception {
        verifiedDaysAgo(100);
        String flag = "Review overdue since " + dueDate(10);

        assertThat(page("/directory?partner=" + partner.partnerId())).contains(flag);
        assertThat(page("/directory/partners/" + partner.partnerId())).contains(flag);
        assertThat(page("/directory/offices/" + partner.officeId())).contains(flag);
        String servicePage = page("/directory/services/" + partner.serviceId());
        assertThat(servicePage).contains(flag + ".").contains("usa-alert--warning");
        assertThat(servicePage).contains("Last verified").contains("by Flag test");
    }

    @Test
    void overdueServiceIsFlaggedInApi() throws Exception {
        verifiedDaysAgo(100);

        JsonNode listed = JSON.readTree(page("/api/v1/services?partnerId=" + partner.partnerId())).get("items").get(0);
        JsonNode detail = JSON.readTree(page("/api/v1/services/" + partner.serviceId()));

        for (JsonNode verification : new JsonNode[] {listed.get("verification"), detail.get("verification")}) {
            assertThat(verification.get("status").asString()).isEqualTo("overdue");
            assertThat(verification.get("reviewOverdue").asBoolean()).isTrue();
            assertThat(verification.get("lastVerifiedBy").asString()).isEqualTo("Flag test");
            assertThat(verification.get("reviewDueAt").asString()).endsWith("Z");
        }
    }

    @Test
    void currentServiceIsNotFlagged() throws Exception {
        verifiedDaysAgo(30);

        String servicePage = page("/directory/services/" + partner.serviceId());
        JsonNode detail = JSON.readTree(page("/api/v1/services/" + partner.serviceId()));

        assertThat(servicePage).doesNotContain("Review overdue").contains("Last verified").contains("by Flag test");
        assertThat(page("/directory?partner=" + partner.partnerId())).doesNotContain("Review overdue");
        assertThat(detail.get("verification").get("status").asString()).isEqualTo("verified");
    }

    @Test
    void newServiceShowsNeverVerified() throws Exception {
        String servicePage = page("/directory/services/" + partner.serviceId());
        JsonNode detail = JSON.readTree(page("/api/v1/services/" + partner.serviceId()));

        assertThat(servicePage).contains("Never verified").doesNotContain("Review overdue");
        assertThat(detail.get("verification").get("status").asString()).isEqualTo("not-verified");
        assertThat(detail.get("verification").get("reviewOverdue").asBoolean()).isFalse();
    }

    @Test
    void neverVerifiedServiceIsFlaggedAfterReviewPeriod() throws Exception {
        jdbc.sql("UPDATE service SET created_at = now() - interval '95 days' WHERE id = :id")
                .param("id", partner.serviceId()).update();

        String servicePage = page("/directory/services/" + partner.serviceId());

        assertThat(servicePage).contains("Review overdue since " + dueDate(5)).contains("Never verified");
    }

    @Test
    void partnerReviewPeriodMovesFlag() throws Exception {
        verifiedDaysAgo(40);
        jdbc.sql("UPDATE partner SET review_period_days = 30 WHERE id = :id").param("id", partner.partnerId()).update();

        assertThat(page("/directory/services/" + partner.serviceId())).contains("Review overdue since " + dueDate(10));
    }

    @Test
    void inactiveServiceIsNotFlagged() throws Exception {
        verifiedDaysAgo(100);
        jdbc.sql("UPDATE service SET active = false WHERE id = :id").param("id", partner.serviceId()).update();

        assertThat(page("/directory/services/" + partner.serviceId())).doesNotContain("Review overdue");
    }

    @Test
    void staffVerifyOwnServiceAndClearFlag() throws Exception {
        verifiedDaysAgo(100);

        MvcResult verify = perform(post("/directory/services/" + partner.serviceId() + "/verify"), staff);

        assertThat(verify.getResponse().getStatus()).isEqualTo(302);
        Map<String, Object> row = jdbc.sql("SELECT last_verified_by, last_verified_at > now() - interval '1 minute' AS recent FROM service WHERE id = :id")
                .param("id", partner.serviceId()).query().singleRow();
        assertThat(row.get("last_verified_by")).isEqualTo("Test Staff");
        assertThat(row.get("recent")).isEqualTo(true);
        assertThat(page("/directory/services/" + partner.serviceId())).doesNotContain("Review overdue")
                .contains("by Test Staff");
    }

    @Test
    void administratorVerifiesAnyService() throws Exception {
        CurrentUser administrator = DirectoryFixtures.user(Role.ADMINISTRATOR, null);

        MvcResult verify = perform(post("/directory/services/" + partner.serviceId() + "/verify"), administrator);

        assertThat(verify.getResponse().getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT last_verified_by FROM service WHERE id = :id").param("id", partner.serviceId())
                .query(String.class).single()).isEqualTo("Test Administrator");
    }

    @Test
    void otherPartnersStaffCannotVerify() throws Exception {
        TestPartner other = DirectoryFixtures.createPartner(jdbc);

        MvcResult verify = perform(post("/directory/services/" + other.serviceId() + "/verify"), staff);

        assertThat(verify.getResponse().getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT last_verified_at IS NULL FROM service WHERE id = :id").param("id", other.serviceId())
                .query(Boolean.class).single()).isTrue();
    }

    private void verifiedDaysAgo(int days) {
        jdbc.sql("""
                        UPDATE service SET last_verified_at = now() - make_interval(days => :days),
                                           last_verified_by = 'Flag test'
                        WHERE id = :id""")
                .param("days", days)
                .param("id", partner.serviceId())
                .update();
    }

    /** Returns the date, in the fixture office's zone, that lies the given number of days before today. */
    private static String dueDate(int daysAgo) {
        return DATE.format(LocalDate.now(ZoneId.of("America/Indiana/Indianapolis")).minusDays(daysAgo));
    }

    private String page(String path) throws Exception {
        MvcResult result = perform(get(path), staff);
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private MvcResult perform(MockHttpServletRequestBuilder request, CurrentUser principal) throws Exception {
        return mvc.perform(request.with(user(principal)).with(csrf())).andReturn();
    }
}
