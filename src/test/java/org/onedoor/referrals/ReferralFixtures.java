package org.onedoor.referrals;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.businesses.IncomingAddress;
import org.onedoor.businesses.IncomingBusiness;
import org.onedoor.businesses.SourceReference;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Partners, services with capacity, businesses with a contact, and accounts for the referral tests. */
final class ReferralFixtures {

    private ReferralFixtures() {
    }

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** A receiving partner (own area, office, program, training service) and a sending partner in the same area. */
    record Pair(TestPartner receiver, long senderPartnerId) {
    }

    static Pair pair(JdbcClient jdbc) {
        TestPartner receiver = DirectoryFixtures.createPartner(jdbc);
        jdbc.sql("UPDATE service SET active = true WHERE id = :id").param("id", receiver.serviceId()).update();
        return new Pair(receiver, partnerInArea(jdbc, receiver.areaId(), "Sending partner"));
    }

    /** Adds a partner with one office to an area and returns the partner's id. */
    static long partnerInArea(JdbcClient jdbc, long areaId, String namePrefix) {
        String suffix = unique();
        long partnerId = jdbc.sql("""
                        INSERT INTO partner (area_id, code, name) VALUES (:area, :code, :name) RETURNING id""")
                .param("area", areaId)
                .param("code", "test-partner-" + suffix)
                .param("name", namePrefix + " " + suffix)
                .query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO office (partner_id, name, address_line1, city, state, zip, county_fips, time_zone)
                        VALUES (:partner, :name, '2 Example Street', 'Elkhart', 'IN', '46514', '18039',
                                'America/Indiana/Indianapolis')""")
                .param("partner", partnerId)
                .param("name", namePrefix + " office " + suffix)
                .update();
        return partnerId;
    }

    /** Adds an active service with fresh capacity to a partner's first office and program. */
    static long service(JdbcClient jdbc, long partnerId, String category, int available, int maximum) {
        long id = jdbc.sql("""
                        INSERT INTO service (program_id, office_id, category_code, name, description)
                        VALUES ((SELECT id FROM program WHERE partner_id = :partner ORDER BY id LIMIT 1),
                                (SELECT id FROM office WHERE partner_id = :partner ORDER BY id LIMIT 1),
                                :category, :name, 'A test service.')
                        RETURNING id""")
                .param("partner", partnerId)
                .param("category", category)
                .param("name", "Referral test service " + unique())
                .query(Long.class).single();
        capacity(jdbc, id, available, maximum, 0);
        return id;
    }

    /** Adds a program to a partner that has none, so {@link #service} can use it. */
    static void program(JdbcClient jdbc, long partnerId) {
        jdbc.sql("""
                        INSERT INTO program (partner_id, federal_program_code, name)
                        VALUES (:partner, 'wioa-adult', :name)""")
                .param("partner", partnerId)
                .param("name", "Test program " + unique())
                .update();
    }

    /** Sets a service's capacity as last updated the given number of days ago, with a 7-day freshness limit. */
    static void capacity(JdbcClient jdbc, long serviceId, int available, int maximum, int daysAgo) {
        jdbc.sql("""
                        INSERT INTO service_capacity (service_id, unit, maximum_units, available_units, updated_at,
                                                      updated_by)
                        VALUES (:id, 'SLOTS', :maximum, :available, now() - make_interval(days => :daysAgo), 'Test')
                        ON CONFLICT (service_id) DO UPDATE SET maximum_units = excluded.maximum_units,
                            available_units = excluded.available_units, updated_at = excluded.updated_at""")
                .param("id", serviceId)
                .param("maximum", maximum)
                .param("available", available)
                .param("daysAgo", daysAgo)
                .update();
    }

    /** Registers a business in St. Joseph County, Indiana, with one contact who prefers email. */
    static long business(BusinessRegistry registry, JdbcClient jdbc) {
        String name = "Referral test " + unique();
        IncomingBusiness business = new IncomingBusiness(name + " LLC", null, null, "332710", null, null, null, null,
                new IncomingAddress((int) (Math.random() * 9000 + 1) + " W Example St", null, "South Bend", "IN",
                        "46601", "US", "18141"), Map.of());
        SourceReference source = new SourceReference("IMPORT_ROW", "referral-test.csv", null, 2,
                Map.of("name", name + " LLC"), null, null);
        long id = registry.register(business, source).businessId();
        jdbc.sql("""
                        INSERT INTO business_contact (business_id, name, email, preferred_method)
                        VALUES (:business, 'Dana Example', 'dana@example.com', 'EMAIL')""")
                .param("business", id)
                .update();
        return id;
    }

    static void rules(JdbcClient jdbc, long serviceId, String label, String expression) {
        jdbc.sql("INSERT INTO service_eligibility (service_id, combination) VALUES (:id, 'ALL')")
                .param("id", serviceId)
                .update();
        jdbc.sql("""
                        INSERT INTO eligibility_rule (service_id, position, label, expression)
                        VALUES (:id, 0, :label, :expression)""")
                .param("id", serviceId)
                .param("label", label)
                .param("expression", expression)
                .update();
    }

    static UserAccount account(UserAccounts accounts, Role role, Long partnerId) {
        return TestAccounts.ensure(accounts, "referral-" + unique() + "@onedoor.test", role, partnerId);
    }

    static ApiClient api(int port, UserAccount account) {
        return ApiClient.as(port, account.email(), TestAccounts.PASSWORD);
    }

    static HttpResponse<String> post(ApiClient api, String path, String json) {
        return api.post(path, "application/json", HttpRequest.BodyPublishers.ofString(json));
    }

    /** Returns a send request body with every quality element for the given business and service. */
    static String complete(long businessId, long serviceId, long officeId) {
        return """
                {"businessId": %d, "serviceId": %d, "needCode": "TRAIN_NEW_HIRES", "consentGiven": true,
                 "receivingOfficeId": %d, "handOffNote": "Dana expects your call.",
                 "expectedFirstContactDate": "%s"}""".formatted(businessId, serviceId, officeId,
                java.time.LocalDate.now(java.time.ZoneId.of("America/Indiana/Indianapolis")).plusDays(3));
    }
}
