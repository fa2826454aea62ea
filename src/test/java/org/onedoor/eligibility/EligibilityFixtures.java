package org.onedoor.eligibility;

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

/** Businesses, services, capacity and accounts for the eligibility tests, each named uniquely. */
final class EligibilityFixtures {

    private EligibilityFixtures() {
    }

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** Registers a business with one establishment in the given county, as an import row would. */
    static long business(BusinessRegistry registry, String countyFips) {
        String name = "Eligibility test " + unique();
        IncomingBusiness business = new IncomingBusiness(name + " LLC", null, null, "332710", null, null, null, null,
                new IncomingAddress((int) (Math.random() * 9000 + 1) + " W Example St", null, "South Bend", "IN",
                        "46601", "US", countyFips), Map.of());
        SourceReference source = new SourceReference("IMPORT_ROW", "eligibility-test.csv", null, 2,
                Map.of("name", name + " LLC"), null, null);
        return registry.register(business, source).businessId();
    }

    static TestPartner partner(JdbcClient jdbc) {
        return DirectoryFixtures.createPartner(jdbc);
    }

    /** Adds an active service to a test partner's office and program and returns its id. */
    static long service(JdbcClient jdbc, TestPartner partner, String name, String categoryCode) {
        return jdbc.sql("""
                        INSERT INTO service (program_id, office_id, category_code, name, description)
                        VALUES (:programId, :officeId, :category, :name, 'A test service.')
                        RETURNING id""")
                .param("programId", partner.programId())
                .param("officeId", partner.officeId())
                .param("category", categoryCode)
                .param("name", name)
                .query(Long.class)
                .single();
    }

    /** Sets a service's capacity as last updated the given number of days ago, with a 7-day freshness limit. */
    static void capacity(JdbcClient jdbc, long serviceId, int available, int maximum, int daysAgo) {
        jdbc.sql("""
                        INSERT INTO service_capacity (service_id, unit, maximum_units, available_units, updated_at,
                                                      updated_by)
                        VALUES (:id, 'SLOTS', :maximum, :available, now() - make_interval(days => :daysAgo), 'Test')
                        """)
                .param("id", serviceId)
                .param("maximum", maximum)
                .param("available", available)
                .param("daysAgo", daysAgo)
                .update();
    }

    /** Stores rules directly, as saved rules would be. */
    static void rules(JdbcClient jdbc, long serviceId, String combination, String... labelsAndExpressions) {
        jdbc.sql("INSERT INTO service_eligibility (service_id, combination) VALUES (:id, :combination)")
                .param("id", serviceId)
                .param("combination", combination)
                .update();
        for (int i = 0; i < labelsAndExpressions.length; i += 2) {
            jdbc.sql("""
                            INSERT INTO eligibility_rule (service_id, position, label, expression)
                            VALUES (:id, :position, :label, :expression)""")
                    .param("id", serviceId)
                    .param("position", i / 2)
                    .param("label", labelsAndExpressions[i])
                    .param("expression", labelsAndExpressions[i + 1])
                    .update();
        }
    }

    static UserAccount account(UserAccounts accounts, Role role, Long partnerId) {
        return TestAccounts.ensure(accounts, "eligibility-" + unique() + "@onedoor.test", role, partnerId);
    }

    static ApiClient api(int port, UserAccount account) {
        return ApiClient.as(port, account.email(), TestAccounts.PASSWORD);
    }

    static HttpResponse<String> put(ApiClient api, String path, String json) {
        return api.send(api.request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    static HttpResponse<String> post(ApiClient api, String path, String json) {
        return api.post(path, "application/json", HttpRequest.BodyPublishers.ofString(json));
    }

    static HttpResponse<String> patch(ApiClient api, String path, String json) {
        return api.send(api.request(path)
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
                .build());
    }
}
