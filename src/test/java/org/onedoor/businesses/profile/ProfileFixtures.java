package org.onedoor.businesses.profile;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.businesses.IncomingAddress;
import org.onedoor.businesses.IncomingBusiness;
import org.onedoor.businesses.SourceReference;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Businesses, partners and staff accounts for the profile tests, each named uniquely. */
final class ProfileFixtures {

    private ProfileFixtures() {
    }

    /** Returns a word of random letters, so a test's businesses never match another test's. */
    static String uniqueWord() {
        StringBuilder word = new StringBuilder("Z");
        for (int i = 0; i < 9; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    /** Returns a random FEIN as 12-3456789, so tests do not share one. */
    static String uniqueFein() {
        return String.format("%02d-%07d", ThreadLocalRandom.current().nextInt(10, 100),
                ThreadLocalRandom.current().nextInt(10_000_000));
    }

    /**
     * Registers a business with one South Bend establishment at a random house number on N Main St, from an import
     * row as an import would.
     */
    static long importedBusiness(BusinessRegistry registry, String name) {
        return importedBusiness(registry, name, ThreadLocalRandom.current().nextInt(1, 10_000));
    }

    static long importedBusiness(BusinessRegistry registry, String name, int houseNumber) {
        IncomingBusiness business = new IncomingBusiness(name + " LLC", null, null, "722511", null, "574-555-0100",
                "+15745550100", null, new IncomingAddress(houseNumber + " N Main St", null, "South Bend", "IN", "46601",
                "US", "18141"), Map.of());
        SourceReference source = new SourceReference("IMPORT_ROW", "profile-test.csv", null, 2,
                Map.of("name", name + " LLC"), null, null);
        return registry.register(business, source).businessId();
    }

    /** Adds a partner with a unique code to the demo area, not marked as demo data, and returns its id. */
    static long partner(JdbcClient jdbc, String name) {
        return jdbc.sql("""
                        INSERT INTO partner (area_id, code, name, demo)
                        SELECT id, :code, :name, false FROM workforce_area WHERE demo ORDER BY id LIMIT 1
                        RETURNING id
                        """)
                .param("code", uniqueWord().toLowerCase())
                .param("name", name)
                .query(Long.class)
                .single();
    }

    static UserAccount account(UserAccounts accounts, Role role, long partnerId) {
        return TestAccounts.ensure(accounts, uniqueWord().toLowerCase() + "@onedoor.test", role, partnerId);
    }

    static ApiClient api(int port, UserAccount account) {
        return ApiClient.as(port, account.email(), TestAccounts.PASSWORD);
    }

    static HttpResponse<String> patch(ApiClient api, String path, String json) {
        return api.send(api.request(path)
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
                .build());
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
}
