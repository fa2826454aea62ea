package org.onedoor.demand;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

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

/**
 * Areas, partners, services and businesses for the demand tests. Each test area lists one Texas county of its own,
 * and its business sits in that county, so no other test's services (areas in Indiana) meet its needs.
 */
final class DemandFixtures {

    /** The next Texas county to hand out; Texas has 254, far more than the demand tests use in one JVM. */
    private static final AtomicInteger NEXT_COUNTY = new AtomicInteger();

    private DemandFixtures() {
    }

    /** A test area with one county, and one partner with an office, a program and an inactive service. */
    record Area(long areaId, String countyFips, TestPartner partner) {
    }

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static Area area(JdbcClient jdbc) {
        TestPartner partner = DirectoryFixtures.createPartner(jdbc);
        String county = jdbc.sql("SELECT fips FROM us_county WHERE state_fips = '48' ORDER BY fips OFFSET :n LIMIT 1")
                .param("n", NEXT_COUNTY.getAndIncrement())
                .query(String.class)
                .single();
        jdbc.sql("UPDATE workforce_area SET state_fips = '48' WHERE id = :id").param("id", partner.areaId()).update();
        jdbc.sql("INSERT INTO workforce_area_county (area_id, county_fips) VALUES (:areaId, :county)")
                .param("areaId", partner.areaId())
                .param("county", county)
                .update();
        // The directory fixture's forklift training service is not used here. Deactivating it keeps it out of the
        // public search, whose tests look for their own forklift service among the first page of results.
        deactivate(jdbc, partner.serviceId());
        return new Area(partner.areaId(), county, partner);
    }

    /** Adds a second partner, with an office and program, to an area and returns its id and program and office. */
    static TestPartner secondPartner(JdbcClient jdbc, long areaId) {
        String suffix = unique();
        long partnerId = jdbc.sql("INSERT INTO partner (area_id, code, name) VALUES (:areaId, :code, :name) RETURNING id")
                .param("areaId", areaId)
                .param("code", "demand-partner-" + suffix)
                .param("name", "Demand partner " + suffix)
                .query(Long.class).single();
        long officeId = jdbc.sql("""
                        INSERT INTO office (partner_id, name, address_line1, city, state, zip, county_fips, time_zone)
                        VALUES (:partnerId, :name, '2 Example Street', 'Austin', 'TX', '78701', '48453',
                                'America/Chicago')
                        RETURNING id""")
                .param("partnerId", partnerId)
                .param("name", "Demand office " + suffix)
                .query(Long.class).single();
        long programId = jdbc.sql("""
                        INSERT INTO program (partner_id, federal_program_code, name)
                        VALUES (:partnerId, 'wioa-adult', :name) RETURNING id""")
                .param("partnerId", partnerId)
                .param("name", "Demand program " + suffix)
                .query(Long.class).single();
        return new TestPartner(suffix, areaId, partnerId, "Demand partner " + suffix, officeId, programId, 0,
                null);
    }

    static long service(JdbcClient jdbc, TestPartner partner, String name, String categoryCode) {
        return jdbc.sql("""
                        INSERT INTO service (program_id, office_id, category_code, name, description)
                        VALUES (:programId, :officeId, :category, :name, 'A demand test service.')
                        RETURNING id""")
                .param("programId", partner.programId())
                .param("officeId", partner.officeId())
                .param("category", categoryCode)
                .param("name", name)
                .query(Long.class)
                .single();
    }

    static void deactivate(JdbcClient jdbc, long serviceId) {
        jdbc.sql("UPDATE service SET active = false WHERE id = :id").param("id", serviceId).update();
    }

    /** Sets a service's capacity, updated now with the default freshness limit. */
    static void capacity(JdbcClient jdbc, long serviceId, int available, int maximum) {
        jdbc.sql("""
                        INSERT INTO service_capacity (service_id, unit, maximum_units, available_units, updated_by)
                        VALUES (:id, 'SLOTS', :maximum, :available, 'Demand test')""")
                .param("id", serviceId)
                .param("maximum", maximum)
                .param("available", available)
                .update();
    }

    /** Stores one eligibility rule for a service, as the rule editor saves it. */
    static void rule(JdbcClient jdbc, long serviceId, String label, String expression) {
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

    /** Registers a manufacturer (NAICS 332710, sector 31-33) with one establishment in the given Texas county. */
    static long business(BusinessRegistry registry, String countyFips) {
        String name = "Demand test " + unique() + " LLC";
        IncomingBusiness business = new IncomingBusiness(name, null, null, "332710", null, null, null, null,
                new IncomingAddress((int) (Math.random() * 9000 + 1) + " Congress Ave", null, "Austin", "TX",
                        "78701", "US", countyFips), Map.of());
        SourceReference source = new SourceReference("IMPORT_ROW", "demand-test.csv", null, 2, Map.of("name", name),
                null, null);
        return registry.register(business, source).businessId();
    }

    static UserAccount account(UserAccounts accounts, Role role, Long partnerId) {
        return TestAccounts.ensure(accounts, "demand-" + unique() + "@onedoor.test", role, partnerId);
    }

    static ApiClient api(int port, UserAccount account) {
        return ApiClient.as(port, account.email(), TestAccounts.PASSWORD);
    }

    static HttpResponse<String> post(ApiClient api, String path, String json) {
        return api.post(path, "application/json", HttpRequest.BodyPublishers.ofString(json));
    }
}
