package org.onedoor.assessment;

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

/** Businesses, accounts and requests for the needs assessment tests, each named uniquely. */
final class AssessmentFixtures {

    private AssessmentFixtures() {
    }

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** Registers a business with one establishment in St. Joseph County, Indiana, as an import row would. */
    static long business(BusinessRegistry registry) {
        String name = "Assessment test " + unique() + " LLC";
        IncomingBusiness business = new IncomingBusiness(name, null, null, "332710", null, null, null, null,
                new IncomingAddress((int) (Math.random() * 9000 + 1) + " W Example St", null, "South Bend", "IN",
                        "46601", "US", "18141"), Map.of());
        SourceReference source = new SourceReference("IMPORT_ROW", "assessment-test.csv", null, 2,
                Map.of("name", name), null, null);
        return registry.register(business, source).businessId();
    }

    static UserAccount account(UserAccounts accounts, Role role, Long partnerId) {
        return TestAccounts.ensure(accounts, "assessment-" + unique() + "@onedoor.test", role, partnerId);
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
