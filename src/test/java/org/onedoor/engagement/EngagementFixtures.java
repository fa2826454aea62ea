package org.onedoor.engagement;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

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

/** Businesses, accounts and HTTP helpers for the engagement tests; every name is unique per call. */
final class EngagementFixtures {

    private EngagementFixtures() {
    }

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static long business(BusinessRegistry registry) {
        String name = "Engagement test " + unique() + " LLC";
        IncomingBusiness business = new IncomingBusiness(name, null, null, "332710", null, null, null, null,
                new IncomingAddress((int) (Math.random() * 9000 + 1) + " E Example Ave", null, "Elkhart", "IN",
                        "46516", "US", "18039"), Map.of());
        SourceReference source = new SourceReference("IMPORT_ROW", "engagement-test.csv", null, 2,
                Map.of("name", name), null, null);
        return registry.register(business, source).businessId();
    }

    static long contactPerson(JdbcClient jdbc, long businessId, String name) {
        return jdbc.sql("INSERT INTO business_contact (business_id, name, role) VALUES (:b, :n, 'HR manager') RETURNING id")
                .param("b", businessId)
                .param("n", name)
                .query(Long.class)
                .single();
    }

    static UserAccount account(UserAccounts accounts, Role role, Long partnerId) {
        return TestAccounts.ensure(accounts, "engagement-" + unique() + "@onedoor.test", role, partnerId);
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

    static long notices(JdbcClient jdbc, long userId, String subjectPart) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :u AND subject LIKE :s")
                .param("u", userId)
                .param("s", "%" + subjectPart + "%")
                .query(Long.class)
                .single();
    }

    static long mails(JdbcClient jdbc, String email, String subjectPart) {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE lower(recipient) = lower(:e) AND subject LIKE :s")
                .param("e", email)
                .param("s", "%" + subjectPart + "%")
                .query(Long.class)
                .single();
    }
}
