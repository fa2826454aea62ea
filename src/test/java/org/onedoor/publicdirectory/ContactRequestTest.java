package org.onedoor.publicdirectory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.businesses.BusinessProfileService;
import org.onedoor.businesses.BusinessProfileService.Editor;
import org.onedoor.businesses.BusinessProfileService.NewContact;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.businesses.IncomingBusiness;
import org.onedoor.businesses.SourceReference;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.publicdirectory.internal.ContactRequestForm;
import org.onedoor.publicdirectory.internal.ContactRequestService;
import org.onedoor.support.TestAccounts;
import org.onedoor.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sends the public "ask to be contacted" form over HTTP without signing in, and checks which business and contact
 * each request is linked to, what it adds to the shared profile, and what it rejects.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContactRequestTest {

    private static final Editor STAFF = new Editor(null, null, "STAFF_ENTRY", "Contact request test");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessRegistry registry;

    @Autowired
    BusinessProfileService profiles;

    @Autowired
    ContactRequestService requests;

    @Autowired
    UserAccounts accounts;

    TestPartner partner;
    String word;

    @BeforeEach
    void createPartner() {
        partner = DirectoryFixtures.createPartner(jdbc);
        word = uniqueWord();
    }

    @Test
    void linksKnownBusinessAndContact() {
        long businessId = business(word + " Tools, Inc.");
        long contactId = profiles.addContact(businessId,
                new NewContact("Jane Doe", "Owner", "jane.doe@example.com", List.of(), null, null), STAFF);
        long businessesBefore = count("business");
        long contactsBefore = count("business_contact");

        HttpResponse<String> response = send(form(word.toUpperCase() + " TOOLS", "Jane.Doe@Example.COM",
                "574-555-0142", "PHONE"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(count("business")).isEqualTo(businessesBefore);
        assertThat(count("business_contact")).isEqualTo(contactsBefore);
        Map<String, Object> request = latestRequest();
        assertThat(request.get("business_id")).isEqualTo(businessId);
        assertThat(request.get("contact_id")).isEqualTo(contactId);
        assertThat(request.get("link_outcome")).isEqualTo("EXISTING_CONTACT");
        assertThat(request.get("status")).isEqualTo("NEW");
    }

    @Test
    void fillsMissingPhoneAsSelfUpdate() {
        long businessId = business(word + " Bakery LLC");
        long contactId = profiles.addContact(businessId,
                new NewContact("Ann Lee", null, "ann@example.com", List.of(), null, null), STAFF);

        send(form(word + " Bakery", "ann@example.com", "574-555-0143", "TEXT"));

        assertThat(contactPhones(contactId)).containsExactly("574-555-0143");
        assertThat(jdbc.sql("SELECT preferred_method FROM business_contact WHERE id = :id").param("id", contactId)
                .query(String.class).single()).isEqualTo("TEXT");
        assertThat(factSource(businessId, "contact.phones", contactId)).isEqualTo("SELF_UPDATE");
    }

    @Test
    void keepsKnownPhoneAndMethod() {
        long businessId = business(word + " Garage");
        long contactId = profiles.addContact(businessId,
                new NewContact("Ben Ortiz", null, "ben@example.com", List.of("574-555-0100"), "EMAIL", null), STAFF);

        send(form(word + " Garage", "ben@example.com", "574-555-0199", "PHONE"));

        assertThat(contactPhones(contactId)).containsExactly("574-555-0100");
        assertThat(jdbc.sql("SELECT preferred_method FROM business_contact WHERE id = :id").param("id", contactId)
                .query(String.class).single()).isEqualTo("EMAIL");
    }

    @Test
    void addsContactWhenOnlyNameMatches() {
        long businessId = business(word + " Plastics Corp");
        long businessesBefore = count("business");

        send(form(word + " Plastics", "new.person@example.com", null, "EMAIL"));

        assertThat(count("business")).isEqualTo(businessesBefore);
        Map<String, Object> request = latestRequest();
        assertThat(request.get("business_id")).isEqualTo(businessId);
        assertThat(request.get("link_outcome")).isEqualTo("NEW_CONTACT");
        assertThat(contactEmails(businessId)).containsExactly("new.person@example.com");
        assertThat(factSource(businessId, "contact.email", (Long) request.get("contact_id"))).isEqualTo("SELF_UPDATE");
    }

    @Test
    void createsBusinessOnceForRepeatedRequest() {
        String name = word + " Fabrication";
        long businessesBefore = count("business");

        send(form(name, "owner@example.com", "574-555-0150", "PHONE"));
        Map<String, Object> first = latestRequest();
        send(form(name, "OWNER@example.com", "574-555-0150", "PHONE"));
        Map<String, Object> second = latestRequest();

        assertThat(count("business")).isEqualTo(businessesBefore + 1);
        long businessId = (Long) first.get("business_id");
        assertThat(first.get("link_outcome")).isEqualTo("NEW_BUSINESS");
        assertThat(second.get("link_outcome")).isEqualTo("EXISTING_CONTACT");
        assertThat(second.get("business_id")).isEqualTo(businessId);
        assertThat(second.get("id")).isNotEqualTo(first.get("id"));
        assertThat(contactEmails(businessId)).containsExactly("owner@example.com");
    }

    @Test
    void simultaneousRepeatsCreateOneBusiness() throws Exception {
        String name = word + " Machining";
        int senders = 4;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> submissions = new ArrayList<>();

        for (int i = 0; i < senders; i++) {
            submissions.add(pool.submit(() -> {
                start.await();
                return requests.submit(new ContactRequestForm(name, "Sam Rivera", "sam@example.com", null, "EMAIL",
                        "Hiring machinists.", List.of(), partner.areaId(), true, null)).requestId();
            }));
        }
        start.countDown();
        for (Future<Long> submission : submissions) {
            submission.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(jdbc.sql("SELECT count(*) FROM business WHERE legal_name = :name").param("name", name)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM business_contact c JOIN business b ON b.id = c.business_id
                        WHERE b.legal_name = :name""").param("name", name).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM contact_request WHERE business_name = :name").param("name", name)
                .query(Long.class).single()).isEqualTo(senders);
    }

    @Test
    void newBusinessHasSelfUpdateProvenance() {
        send(form(word + " Welding", "weld@example.com", null, "EMAIL"));
        long businessId = (Long) latestRequest().get("business_id");

        assertThat(jdbc.sql("SELECT legal_name FROM business WHERE id = :id").param("id", businessId)
                .query(String.class).single()).isEqualTo(word + " Welding");
        assertThat(jdbc.sql("SELECT DISTINCT kind FROM business_source_record WHERE business_id = :id")
                .param("id", businessId).query(String.class).list()).containsExactly("SELF_UPDATE");
        assertThat(jdbc.sql("SELECT source_name FROM business_source_record WHERE business_id = :id ORDER BY id LIMIT 1")
                .param("id", businessId).query(String.class).single()).isEqualTo("Public directory contact request");
        assertThat(factSource(businessId, "legal_name", null)).isEqualTo("SELF_UPDATE");
    }

    @Test
    void storesChosenServicesAndTheirArea() {
        Map<String, String> fields = form(word + " Logistics", "ops@example.com", null, "EMAIL");
        fields.put("services", String.valueOf(partner.serviceId()));

        HttpResponse<String> response = send(fields);

        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/find-services/contact/sent");
        Map<String, Object> request = latestRequest();
        assertThat(request.get("area_id")).isEqualTo(partner.areaId());
        assertThat(jdbc.sql("SELECT service_id FROM contact_request_service WHERE request_id = :id")
                .param("id", request.get("id")).query(Long.class).list()).containsExactly(partner.serviceId());
    }

    @Test
    void rejectsInvalidValuesNamingThem() {
        long requestsBefore = count("contact_request");
        long businessesBefore = count("business");
        Map<String, String> fields = form(word + " Foods", "jane@", "12", "EMAIL");
        fields.remove("consent");

        HttpResponse<String> response = send(fields);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("Email &#39;jane@&#39; is not an email address. Enter one such as name@example.com.")
                .contains("Phone &#39;12&#39; is not a phone number. Enter it with its area code")
                .contains("You have not agreed to be contacted.")
                .contains("usa-form-group--error")
                .contains("value=\"" + word + " Foods\"");
        assertThat(count("contact_request")).isEqualTo(requestsBefore);
        assertThat(count("business")).isEqualTo(businessesBefore);
    }

    @Test
    void requiresPhoneForCall() {
        HttpResponse<String> response = send(form(word + " Farms", "farm@example.com", null, "PHONE"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Phone is missing. You asked us to call you");
    }

    @Test
    void requiresWhatTheyNeed() {
        Map<String, String> fields = form(word + " Dental", "dental@example.com", null, "EMAIL");
        fields.put("message", "   ");

        HttpResponse<String> response = send(fields);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("What you need is missing.");
    }

    @Test
    void rejectsServicesOfTwoAreas() {
        TestPartner other = DirectoryFixtures.createPartner(jdbc);
        String body = "businessName=" + word + "+Mills&personName=Kim&email=kim%40example.com&preferredMethod=EMAIL"
                + "&message=Hiring&consent=true&services=" + partner.serviceId() + "&services=" + other.serviceId();
        WebSession visitor = WebSession.anonymous(port);
        String token = WebSession.csrfToken(visitor.get("/find-services/contact").body());

        HttpResponse<String> response = visitor.send(java.net.http.HttpRequest.newBuilder(visitor.uri("/find-services/contact"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body + "&_csrf=" + token))
                .build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("offered in different regions");
    }

    @Test
    void requiresRegionWithoutService() {
        // Each test partner adds an area, so the directory has several and cannot guess the region.
        Map<String, String> fields = form(word + " Printing", "print@example.com", null, "EMAIL");
        fields.remove("area");

        HttpResponse<String> response = send(fields);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Region is missing.");
    }

    @Test
    void honeypotDropsRequestSilently() {
        long requestsBefore = count("contact_request");
        Map<String, String> fields = form(word + " Spam", "bot@example.com", null, "EMAIL");
        fields.put("homepage", "http://spam.example");

        HttpResponse<String> response = send(fields);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/find-services/contact/sent");
        assertThat(count("contact_request")).isEqualTo(requestsBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM business WHERE legal_name = :name").param("name", word + " Spam")
                .query(Long.class).single()).isZero();
    }

    @Test
    void rejectsPostWithoutCsrfToken() {
        WebSession visitor = WebSession.anonymous(port);
        visitor.get("/find-services/contact");

        HttpResponse<String> response = visitor.post("/find-services/contact",
                form(word + " Forged", "forged@example.com", null, "EMAIL"), null);

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void tellsTheStaffOfTheCheckedServicesPartner() {
        UserAccount staff = TestAccounts.ensure(accounts, word + ".staff@example.org", Role.STAFF, partner.partnerId());
        Map<String, String> fields = form(word + " Welding", "owner@example.com", null, "EMAIL");
        fields.put("services", String.valueOf(partner.serviceId()));

        send(fields);

        Map<String, Object> notice = jdbc.sql("SELECT subject, body, link FROM notification WHERE user_id = :id")
                .param("id", staff.id()).query().singleRow();
        assertThat(notice.get("subject")).isEqualTo("Contact request from " + word + " Welding");
        assertThat((String) notice.get("body")).contains("owner@example.com").contains("two welders");
        assertThat(notice.get("link")).isEqualTo("/contact-requests");
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = :email")
                .param("email", staff.email().toLowerCase()).query(Long.class).single()).isEqualTo(1);
    }

    private Map<String, String> form(String businessName, String email, String phone, String method) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("businessName", businessName);
        fields.put("personName", "Test Person");
        fields.put("email", email);
        if (phone != null) {
            fields.put("phone", phone);
        }
        fields.put("preferredMethod", method);
        fields.put("message", "We are hiring two welders this spring.");
        fields.put("area", String.valueOf(partner.areaId()));
        fields.put("consent", "true");
        return fields;
    }

    private HttpResponse<String> send(Map<String, String> fields) {
        return WebSession.anonymous(port).postForm("/find-services/contact", "/find-services/contact", fields);
    }

    private long business(String name) {
        IncomingBusiness business = new IncomingBusiness(name, null, null, null, null, null, null, null, null, Map.of());
        return registry.register(business, new SourceReference("STAFF_ENTRY", "Contact request test", null, 0,
                Map.of(), null, null)).businessId();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private Map<String, Object> latestRequest() {
        return jdbc.sql("SELECT * FROM contact_request ORDER BY id DESC LIMIT 1").query().singleRow();
    }

    private List<String> contactPhones(long contactId) {
        return jdbc.sql("SELECT unnest(phones) FROM business_contact WHERE id = :id").param("id", contactId)
                .query(String.class).list();
    }

    private List<String> contactEmails(long businessId) {
        return jdbc.sql("SELECT email FROM business_contact WHERE business_id = :id ORDER BY id").param("id", businessId)
                .query(String.class).list();
    }

    private String factSource(long businessId, String field, Long contactId) {
        return jdbc.sql("""
                        SELECT source_kind FROM business_fact
                        WHERE business_id = :businessId AND field = :field AND contact_id IS NOT DISTINCT FROM :contactId
                        """)
                .param("businessId", businessId)
                .param("field", field)
                .param("contactId", contactId, java.sql.Types.BIGINT)
                .query(String.class)
                .single();
    }

    private static String uniqueWord() {
        StringBuilder word = new StringBuilder("Q");
        for (int i = 0; i < 9; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }
}
