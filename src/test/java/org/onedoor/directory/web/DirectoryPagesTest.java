package org.onedoor.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

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

/**
 * The directory pages and forms through the full Spring MVC and security stack. MockMvc is built from the shared
 * application context, so this class reuses the context of every other test class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DirectoryPagesTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;
    TestPartner partner;
    CurrentUser staff;
    CurrentUser partnerAdministrator;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        partner = DirectoryFixtures.createPartner(jdbc);
        staff = DirectoryFixtures.user(Role.STAFF, partner.partnerId());
        partnerAdministrator = DirectoryFixtures.user(Role.PARTNER_ADMINISTRATOR, partner.partnerId());
    }

    @Test
    void searchPageListsServicesWithVerification() throws Exception {
        MvcResult result = perform(get("/directory").param("q", partner.serviceName()), staff);

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        String page = result.getResponse().getContentAsString();
        assertThat(page).contains("<h1>Service directory</h1>");
        assertThat(page).contains(partner.serviceName());
        assertThat(page).contains(partner.partnerName());
        assertThat(page).contains("Training Services");
        assertThat(page).contains("Employers hiring warehouse workers.");
        assertThat(page).doesNotContain("Other conditions apply.");
        assertThat(page).contains("America/Indiana/Indianapolis");
        assertThat(page).contains("Never verified");
    }

    @Test
    void searchRequiresSignIn() throws Exception {
        MvcResult result = mvc.perform(get("/directory")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/sign-in");
    }

    @Test
    void searchMatchesWordAndMisspelling() throws Exception {
        String byWord = body(get("/directory").param("q", "apprenticeship"), staff);
        String byMisspelling = body(get("/directory").param("q", "aprenticeship"), staff);

        assertThat(byWord).contains("Registered apprenticeship development");
        assertThat(byMisspelling).contains("Registered apprenticeship development");
    }

    @Test
    void searchFiltersByCategoryPartnerAndCounty() throws Exception {
        String ownCategory = body(get("/directory").param("partner", String.valueOf(partner.partnerId()))
                .param("category", "training"), staff);
        String otherCategory = body(get("/directory").param("partner", String.valueOf(partner.partnerId()))
                .param("category", "rapid-response"), staff);
        String otherCounty = body(get("/directory").param("partner", String.valueOf(partner.partnerId()))
                .param("county", "18039"), staff);

        assertThat(ownCategory).contains(partner.serviceName()).contains("1 service found");
        assertThat(otherCategory).doesNotContain(partner.serviceName()).contains("0 services found");
        assertThat(otherCounty).doesNotContain(partner.serviceName());
    }

    @Test
    void servicesCsvKeepsFiltersAndHasHeader() throws Exception {
        MvcResult result = perform(get("/directory/services.csv")
                .param("partner", String.valueOf(partner.partnerId())), staff);

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).startsWith("text/csv");
        assertThat(result.getResponse().getHeader("Content-Disposition")).contains("services.csv");
        String[] lines = result.getResponse().getContentAsString().split("\r\n");
        assertThat(lines[0]).startsWith("id,name,partner,program,federal_program,category,eligibility");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains(partner.serviceName()).contains("Never verified");
    }

    @Test
    void partnerServiceAndOfficePagesRender() throws Exception {
        String partnerPage = body(get("/directory/partners/" + partner.partnerId()), staff);
        String servicePage = body(get("/directory/services/" + partner.serviceId()), staff);
        String officePage = body(get("/directory/offices/" + partner.officeId()), staff);
        String partnersPage = body(get("/directory/partners").param("q", partner.suffix()), staff);

        assertThat(partnerPage).contains(partner.partnerName()).contains("Test office " + partner.suffix())
                .contains("Test program " + partner.suffix()).contains("WIOA Adult program");
        assertThat(servicePage).contains("Who qualifies").contains("1 Example Street")
                .contains("Mishawaka, IN 46544").contains("America/Indiana/Indianapolis").contains("Never verified");
        assertThat(officePage).contains("Eastern Time").contains(partner.serviceName());
        assertThat(partnersPage).contains(partner.partnerName()).contains("1 partner");
    }

    @Test
    void staffSeeVerifyButNoEditButton() throws Exception {
        String page = body(get("/directory/services/" + partner.serviceId()), staff);

        assertThat(page).doesNotContain("Edit service");
        assertThat(page).contains("Mark as verified");
    }

    @Test
    void otherPartnersStaffSeeNoVerifyButton() throws Exception {
        TestPartner other = DirectoryFixtures.createPartner(jdbc);

        String page = body(get("/directory/services/" + other.serviceId()), staff);

        assertThat(page).doesNotContain("Edit service");
        assertThat(page).doesNotContain("Mark as verified");
    }

    @Test
    void unknownIdsShowNotFoundPage() throws Exception {
        for (String path : new String[] {"/directory/partners/999999999", "/directory/services/999999999",
                "/directory/offices/999999999", "/directory/programs/999999999/edit"}) {
            MvcResult result = perform(get(path), staff);

            assertThat(result.getResponse().getStatus()).as(path).isEqualTo(404);
            assertThat(result.getResponse().getContentAsString()).as(path).contains("Page not found");
        }
    }

    @Test
    void partnerAdministratorEditsOwnOffice() throws Exception {
        MvcResult result = perform(post("/directory/offices/" + partner.officeId() + "/edit")
                .params(form(officeForm("Renamed office " + partner.suffix(), "46544-1234", "America/Indiana/Indianapolis"))),
                partnerAdministrator);

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/directory/offices/" + partner.officeId());
        assertThat(result.getFlashMap().get("notice")).asString().contains("Saved the office Renamed office");
        Map<String, Object> office = jdbc.sql("SELECT name, zip, phone, phone_e164 FROM office WHERE id = :id")
                .param("id", partner.officeId()).query().singleRow();
        assertThat(office.get("name")).isEqualTo("Renamed office " + partner.suffix());
        assertThat(office.get("zip")).isEqualTo("46544-1234");
        assertThat(office.get("phone")).isEqualTo("(574) 555-0100 ext. 12");
        assertThat(office.get("phone_e164")).isEqualTo("+15745550100;ext=12");
    }

    @Test
    void partnerAdministratorIsForbiddenFromAnotherPartner() throws Exception {
        TestPartner other = DirectoryFixtures.createPartner(jdbc);

        MvcResult form = perform(get("/directory/offices/" + other.officeId() + "/edit"), partnerAdministrator);
        MvcResult change = perform(post("/directory/offices/" + other.officeId() + "/edit")
                .params(form(officeForm("Taken over", "46544", "America/Indiana/Indianapolis"))), partnerAdministrator);
        MvcResult verify = perform(post("/directory/services/" + other.serviceId() + "/verify"), partnerAdministrator);

        assertThat(form.getResponse().getStatus()).isEqualTo(403);
        assertThat(change.getResponse().getStatus()).isEqualTo(403);
        assertThat(verify.getResponse().getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT name FROM office WHERE id = :id").param("id", other.officeId())
                .query(String.class).single()).isEqualTo("Test office " + other.suffix());
    }

    @Test
    void staffMemberIsForbiddenFromEditingOwnPartner() throws Exception {
        MvcResult result = perform(get("/directory/partners/" + partner.partnerId() + "/edit"), staff);

        assertThat(result.getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void administratorEditsAnyPartner() throws Exception {
        CurrentUser administrator = DirectoryFixtures.user(Role.ADMINISTRATOR, null);

        MvcResult result = perform(post("/directory/partners/" + partner.partnerId() + "/edit")
                .param("name", partner.partnerName() + " (renamed)")
                .param("description", "Serves employers.")
                .param("website", "https://example.org/partner")
                .param("reviewPeriodDays", "60"), administrator);

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT review_period_days FROM partner WHERE id = :id")
                .param("id", partner.partnerId()).query(Integer.class).single()).isEqualTo(60);
    }

    @Test
    void invalidZoneAndZipShownAtFields() throws Exception {
        MvcResult result = perform(post("/directory/offices/" + partner.officeId() + "/edit")
                .params(form(officeForm("Test office " + partner.suffix(), "4660", "Mars/Olympus"))),
                partnerAdministrator);

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        String page = result.getResponse().getContentAsString();
        assertThat(page).contains("Check the highlighted fields");
        assertThat(page).containsPattern("<span class=\"usa-error-message\" id=\"zip-error\">ZIP code &#39;4660&#39; is "
                + "invalid: it has 4 digits. Enter a 5-digit ZIP code or ZIP\\+4.</span>");
        assertThat(page).containsPattern("<span class=\"usa-error-message\" id=\"timeZone-error\">Time zone "
                + "&#39;Mars/Olympus&#39; is not an IANA time zone name.");
        assertThat(page).containsPattern("id=\"zip\"[^>]*aria-describedby=\"zip-error zip-hint\"");
        assertThat(page).containsPattern("id=\"timeZone\"[^>]*aria-invalid=\"true\"");
        assertThat(page).contains("value=\"Mars/Olympus\"");
        assertThat(jdbc.sql("SELECT zip FROM office WHERE id = :id").param("id", partner.officeId())
                .query(String.class).single()).isEqualTo("46544");
    }

    @Test
    void newServiceRejectsForeignOfficeAndBlankDescription() throws Exception {
        TestPartner other = DirectoryFixtures.createPartner(jdbc);

        MvcResult result = perform(post("/directory/partners/" + partner.partnerId() + "/services/new")
                .param("name", "Welding boot camp")
                .param("programId", String.valueOf(partner.programId()))
                .param("officeId", String.valueOf(other.officeId()))
                .param("categoryCode", "training")
                .param("description", " "), partnerAdministrator);

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        String page = result.getResponse().getContentAsString();
        assertThat(page).contains("id=\"officeId-error\"").contains("is not an office of this partner");
        assertThat(page).contains("id=\"description-error\"").contains("Description is missing.");
    }

    @Test
    void partnerAdministratorAddsServiceAndMarksItVerified() throws Exception {
        MvcResult added = perform(post("/directory/partners/" + partner.partnerId() + "/services/new")
                .param("name", "Welding boot camp " + partner.suffix())
                .param("programId", String.valueOf(partner.programId()))
                .param("officeId", String.valueOf(partner.officeId()))
                .param("categoryCode", "training")
                .param("description", "Two weeks of welding practice for new hires.")
                .param("eligibilityDescription", "Employers hiring welders.")
                .param("contactEmail", "welding@example.org")
                .param("active", "true"), partnerAdministrator);
        String location = added.getResponse().getRedirectedUrl();
        long serviceId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        MvcResult verified = perform(post("/directory/services/" + serviceId + "/verify"), partnerAdministrator);

        assertThat(added.getFlashMap().get("notice")).asString().contains("Added the service Welding boot camp");
        assertThat(verified.getResponse().getStatus()).isEqualTo(302);
        assertThat(verified.getFlashMap().get("notice")).asString()
                .containsPattern("Marked Welding boot camp \\S+ as verified on .+ E[SD]T by Test Partner administrator\\.");
        Map<String, Object> row = jdbc.sql("SELECT active, last_verified_at, last_verified_by FROM service WHERE id = :id")
                .param("id", serviceId).query().singleRow();
        assertThat(row.get("active")).isEqualTo(true);
        assertThat(row.get("last_verified_at")).isNotNull();
        assertThat(row.get("last_verified_by")).isEqualTo("Test Partner administrator");
    }

    @Test
    void editFormsRenderForPartnerAdministrator() throws Exception {
        for (String path : new String[] {
                "/directory/partners/" + partner.partnerId() + "/edit",
                "/directory/partners/" + partner.partnerId() + "/offices/new",
                "/directory/partners/" + partner.partnerId() + "/programs/new",
                "/directory/partners/" + partner.partnerId() + "/services/new",
                "/directory/offices/" + partner.officeId() + "/edit",
                "/directory/programs/" + partner.programId() + "/edit",
                "/directory/services/" + partner.serviceId() + "/edit"}) {
            MvcResult result = perform(get(path), partnerAdministrator);

            assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
            assertThat(result.getResponse().getContentAsString()).as(path).contains("name=\"_csrf\"");
        }
    }

    private MvcResult perform(MockHttpServletRequestBuilder request, CurrentUser principal) throws Exception {
        return mvc.perform(request.with(user(principal)).with(csrf())).andReturn();
    }

    private String body(MockHttpServletRequestBuilder request, CurrentUser principal) throws Exception {
        MvcResult result = perform(request, principal);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private static Map<String, String> officeForm(String name, String zip, String timeZone) {
        return Map.of("name", name, "addressLine1", "1 Example Street", "city", "Mishawaka", "state", "IN",
                "zip", zip, "countyFips", "18141", "phone", "(574) 555-0100 ext. 12", "email", "office@example.org",
                "timeZone", timeZone, "hours", "Monday to Friday, 8:00 a.m. to 4:30 p.m.");
    }

    private static org.springframework.util.MultiValueMap<String, String> form(Map<String, String> fields) {
        org.springframework.util.LinkedMultiValueMap<String, String> map = new org.springframework.util.LinkedMultiValueMap<>();
        fields.forEach(map::add);
        return map;
    }
}
