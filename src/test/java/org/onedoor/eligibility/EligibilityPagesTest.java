package org.onedoor.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.TestAccounts;
import org.onedoor.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Uses the rule editor, the missing-facts form and the services panel as staff would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EligibilityPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    BusinessRegistry registry;

    @Autowired
    JdbcClient jdbc;

    private final UserAccounts accounts;

    private TestPartner partner;
    private WebSession admin;
    private UserAccount staff;
    private WebSession staffSession;
    private long businessId;

    @Autowired
    EligibilityPagesTest(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @BeforeEach
    void setUp() {
        partner = EligibilityFixtures.partner(jdbc);
        UserAccount adminAccount = EligibilityFixtures.account(accounts, Role.PARTNER_ADMINISTRATOR, partner.partnerId());
        admin = WebSession.signIn(port, adminAccount.email(), TestAccounts.PASSWORD);
        staff = EligibilityFixtures.account(accounts, Role.STAFF, partner.partnerId());
        staffSession = WebSession.signIn(port, staff.email(), TestAccounts.PASSWORD);
        businessId = EligibilityFixtures.business(registry, "18141");
    }

    private String editPath() {
        return "/directory/services/" + partner.serviceId() + "/eligibility-rules/edit";
    }

    @Test
    void editorBuildsRuleFromForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ruleCount", "0");
        form.put("combination", "ALL");
        form.put("new-fact", "employee_band_min");
        form.put("new-operator", "LESS_THAN");
        form.put("new-values", "500");

        HttpResponse<String> response = admin.postForm(editPath(), editPath(), form);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow())
                .endsWith("/directory/services/" + partner.serviceId());
        assertThat(expressions()).containsExactly("employee_band_min < 500");
        String rulesFragment = staffSession.get("/directory/services/" + partner.serviceId() + "/eligibility-rules").body();
        assertThat(rulesFragment).contains("Employee count (smallest count of the band) is less than 500")
                .doesNotContain("Edit eligibility rules");
    }

    @Test
    void editorRejectsUnknownFactAndKeepsRules() {
        EligibilityFixtures.rules(jdbc, partner.serviceId(), "ALL", "Veterans", "hires_veterans");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ruleCount", "1");
        form.put("combination", "ANY");
        form.put("rule-0-label", "Veterans");
        form.put("rule-0-expression", "hires_veterans");
        form.put("new-label", "Payroll");
        form.put("new-expression", "payroll > 5");

        HttpResponse<String> response = admin.postForm(editPath(), editPath(), form);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("unknown fact &#39;payroll&#39;").contains("id=\"new-expression-error\"")
                .contains("hourly_wage_offered");
        assertThat(expressions()).containsExactly("hires_veterans");
    }

    @Test
    void editorRemovesMarkedRules() {
        EligibilityFixtures.rules(jdbc, partner.serviceId(), "ALL", "Veterans", "hires_veterans", "Layoff",
                "layoff_announced");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ruleCount", "2");
        form.put("rule-0-label", "Veterans");
        form.put("rule-0-expression", "hires_veterans");
        form.put("rule-0-remove", "true");
        form.put("rule-1-label", "Layoff announced");
        form.put("rule-1-expression", "layoff_announced");

        HttpResponse<String> response = admin.postForm(editPath(), editPath(), form);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        assertThat(expressions()).containsExactly("layoff_announced");
    }

    @Test
    void staffCannotOpenEditor() {
        assertThat(staffSession.get(editPath()).statusCode()).isEqualTo(403);
    }

    @Test
    void missingFactsFormSavesAnswersWithProvenance() {
        EligibilityFixtures.rules(jdbc, partner.serviceId(), "ALL", "Employer is willing to hire veterans",
                "hires_veterans");
        String path = "/businesses/" + businessId + "/services/" + partner.serviceId() + "/eligibility";

        String before = staffSession.get(path).body();
        HttpResponse<String> saved = staffSession.postForm(path, path, Map.of("hiresVeterans", "yes"));
        String after = staffSession.get(path).body();

        assertThat(before).contains("Is the business willing to hire veterans?").contains("data-eligibility=\"UNKNOWN\"");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(after).contains("data-eligibility=\"ELIGIBLE\"").contains("Employer is willing to hire veterans")
                .doesNotContain("Is the business willing to hire veterans?");
        List<Object> provenance = jdbc.sql("""
                        SELECT value, source_kind, user_id, partner_id FROM business_fact
                        WHERE business_id = :id AND field = 'hires_veterans'""")
                .param("id", businessId)
                .query((rs, row) -> List.<Object>of(rs.getString("value"), rs.getString("source_kind"),
                        rs.getLong("user_id"), rs.getLong("partner_id")))
                .single();
        assertThat(provenance).containsExactly("true", "STAFF_ENTRY", staff.id(), partner.partnerId());
    }

    @Test
    void panelMarksRowsForCapacityUpdates() {
        String panel = staffSession.get("/businesses/" + businessId + "/services/panel?partner="
                + partner.partnerId()).body();
        String businessPage = staffSession.get("/businesses/" + businessId).body();

        assertThat(panel).contains("data-capacity-service=\"" + partner.serviceId() + "\"")
                .contains("hx-trigger=\"capacity-changed from:body\"")
                .contains("hx-get=\"/businesses/" + businessId + "/services/panel?partner=" + partner.partnerId() + "\"")
                .contains("Availability unknown")
                .contains("America/Indiana/Indianapolis");
        assertThat(businessPage).contains("hx-get=\"/businesses/" + businessId + "/services/panel\"");
    }

    @Test
    void panelFlagsOverdueReview() {
        jdbc.sql("UPDATE service SET created_at = now() - interval '400 days' WHERE id = :id")
                .param("id", partner.serviceId()).update();

        String panel = staffSession.get("/businesses/" + businessId + "/services/panel?partner="
                + partner.partnerId()).body();

        assertThat(panel).contains("Review overdue since").contains("Never verified");
    }

    @Test
    void panelPagesKeepFilters() {
        EligibilityFixtures.service(jdbc, partner, "Apprenticeship design " + partner.suffix(), "training");
        EligibilityFixtures.service(jdbc, partner, "Business outreach " + partner.suffix(), "training");
        String filters = "?partner=" + partner.partnerId() + "&size=2";

        String first = staffSession.get("/businesses/" + businessId + "/services/panel" + filters).body();
        String second = staffSession.get("/businesses/" + businessId + "/services" + filters + "&page=1").body();

        assertThat(first).contains("Apprenticeship design " + partner.suffix())
                .contains("Business outreach " + partner.suffix())
                .doesNotContain(partner.serviceName())
                .contains("3 services, eligible and available first: 1 to 2 shown")
                .contains("3 eligible (0 with room now), 0 unknown, 0 not eligible.")
                .contains("href=\"/businesses/" + businessId + "/services?partner=" + partner.partnerId()
                        + "&amp;page=1&amp;size=2\"");
        assertThat(second).contains(partner.serviceName())
                .contains("3 services, eligible and available first: 3 to 3 shown")
                .contains("Page 2 of 2")
                .contains("hx-get=\"/businesses/" + businessId + "/services/panel?partner=" + partner.partnerId()
                        + "&amp;page=1&amp;size=2\"");
    }

    private List<String> expressions() {
        return jdbc.sql("SELECT expression FROM eligibility_rule WHERE service_id = :id ORDER BY position")
                .param("id", partner.serviceId())
                .query(String.class)
                .list();
    }
}
