package org.onedoor.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onedoor.eligibility.EligibilityFixtures.api;
import static org.onedoor.eligibility.EligibilityFixtures.put;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.eligibility.internal.BusinessServices;
import org.onedoor.eligibility.internal.BusinessServices.Filter;
import org.onedoor.eligibility.internal.ServiceOption;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccounts;
import org.onedoor.shared.PageRequest;
import org.onedoor.support.ApiClient;
import org.onedoor.support.SecondInstance;
import org.onedoor.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;


import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services panel's copy of the directory in memory stays exact. A committed directory change shows at once on
 * both of two instances on one database, and a capacity change does not set a new directory version. Neither a
 * rolled-back change nor a transaction's own uncommitted change reaches the shared copy. The capacity's
 * {@code fresh_until}, which the panel compares with {@code now()}, follows every write.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PanelDirectoryTest {

    @TempDir
    static Path secondDataDir;

    static ConfigurableApplicationContext second;
    static int secondPort;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    BusinessRegistry registry;

    @Autowired
    UserAccounts accounts;

    @Autowired
    BusinessServices businessServices;

    @Autowired
    TransactionTemplate transactions;

    TestPartner partner;
    long businessId;
    ApiClient first;
    ApiClient secondApi;

    @BeforeAll
    static void startSecondInstance(@Autowired DataSource dataSource) {
        second = SecondInstance.start(dataSource, secondDataDir);
        secondPort = SecondInstance.port(second);
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @BeforeEach
    void setUp() {
        partner = EligibilityFixtures.partner(jdbc);
        businessId = EligibilityFixtures.business(registry, "18141");
        first = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        secondApi = ApiClient.as(secondPort, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
    }

    @Test
    void renameShowsAtOnceOnBothInstances() {
        assertThat(onlyItem(first).get("name").asString()).isEqualTo(partner.serviceName());
        assertThat(onlyItem(secondApi).get("name").asString()).isEqualTo(partner.serviceName());

        rename(partner.serviceId(), "Renamed " + partner.suffix());

        assertThat(onlyItem(first).get("name").asString()).isEqualTo("Renamed " + partner.suffix());
        assertThat(onlyItem(secondApi).get("name").asString()).isEqualTo("Renamed " + partner.suffix());
    }

    @Test
    void rulesSavedOnSecondShowOnFirst() {
        assertThat(onlyItem(first).get("eligibility").get("status").asString()).isEqualTo("ELIGIBLE");
        ApiClient partnerAdmin = api(secondPort,
                EligibilityFixtures.account(accounts, Role.PARTNER_ADMINISTRATOR, partner.partnerId()));

        HttpResponse<String> saved = put(partnerAdmin, "/api/v1/services/" + partner.serviceId()
                + "/eligibility-rules", """
                {"combination": "ALL", "rules": [{"label": "Retail employer", "expression": "naics_sector == '44-45'"}]}
                """);

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode item = onlyItem(first);
        assertThat(item.get("eligibility").get("status").asString()).isEqualTo("NOT_ELIGIBLE");
        assertThat(item.get("eligibility").get("failed").get(0).asString()).isEqualTo("Retail employer");
    }

    @Test
    void capacityChangeKeepsDirectoryVersion() {
        long before = version();

        HttpResponse<String> set = secondApi.putJson("/api/v1/services/" + partner.serviceId() + "/capacity", """
                {"unit": "SLOTS", "available": 2, "maximum": 5, "freshnessLimit": "P7D"}""");

        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(version()).isEqualTo(before);
        assertThat(onlyItem(first).get("availability").get("text").asString()).isEqualTo("2 of 5 slots available");
    }

    @Test
    void freshnessFollowsCapacityWrites() {
        HttpResponse<String> set = first.putJson("/api/v1/services/" + partner.serviceId() + "/capacity", """
                {"unit": "SLOTS", "available": 2, "maximum": 5, "freshnessLimit": "P7D"}""");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(availabilityStatus()).isEqualTo("AVAILABLE");

        updateCapacity("updated_at = now() - interval '8 days'");
        assertThat(availabilityStatus()).as("older than the limit").isEqualTo("UNKNOWN");
        assertThat(freshUntilMatchesLimit()).isTrue();

        updateCapacity("fresh_until = now() + interval '1 year'");
        assertThat(availabilityStatus()).as("a direct write is replaced").isEqualTo("UNKNOWN");
        assertThat(freshUntilMatchesLimit()).isTrue();

        updateCapacity("freshness_limit = interval '30 days'");
        assertThat(availabilityStatus()).as("a longer limit").isEqualTo("AVAILABLE");
        assertThat(freshUntilMatchesLimit()).isTrue();

        // A hold as referrals make it, released again so that no unit stays held without a referral, which the
        // referral tests check on the shared database.
        updateCapacity("available_units = available_units - 1, held_units = held_units + 1");
        try {
            assertThat(onlyItem(first).get("availability").get("text").asString()).isEqualTo("1 of 5 slots available");
            assertThat(freshUntilMatchesLimit()).isTrue();
        } finally {
            updateCapacity("available_units = available_units + 1, held_units = held_units - 1");
        }
    }

    @Test
    void manyRowsInOneTransactionSetOneVersion() {
        long before = version();
        long sequenceBefore = jdbc.sql("SELECT last_value FROM directory_version_seq").query(Long.class).single();

        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < 3; i++) {
                EligibilityFixtures.service(jdbc, partner, "Added " + i + " " + partner.suffix(), "training");
            }
        });

        assertThat(version()).isGreaterThan(before);
        assertThat(jdbc.sql("SELECT last_value FROM directory_version_seq").query(Long.class).single())
                .as("one version for the transaction").isEqualTo(sequenceBefore + 1);
        assertThat(json.readTree(secondApi.get(panelPath()).body()).get("total").asLong()).isEqualTo(4);
    }

    @Test
    void rolledBackRenameLeavesPanelAlone() {
        long before = version();
        onlyItem(first);

        transactions.executeWithoutResult(status -> {
            rename(partner.serviceId(), "Rolled back " + partner.suffix());
            status.setRollbackOnly();
        });

        assertThat(version()).isEqualTo(before);
        assertThat(onlyItem(first).get("name").asString()).isEqualTo(partner.serviceName());
    }

    @Test
    void ownUncommittedRenameIsNotShared() {
        onlyItem(first);

        String seenInside = transactions.execute(status -> {
            rename(partner.serviceId(), "Uncommitted " + partner.suffix());
            ServiceOption option = businessServices.servicesFor(businessId,
                    new Filter(null, null, partner.partnerId()), new PageRequest(0, 25)).items().get(0);
            status.setRollbackOnly();
            return option.name();
        });

        assertThat(seenInside).as("the transaction sees its own change").isEqualTo("Uncommitted " + partner.suffix());
        assertThat(onlyItem(first).get("name").asString()).isEqualTo(partner.serviceName());
    }

    private String panelPath() {
        return "/api/v1/businesses/" + businessId + "/services?partner=" + partner.partnerId();
    }

    private JsonNode onlyItem(ApiClient client) {
        HttpResponse<String> response = client.get(panelPath());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode items = json.readTree(response.body()).get("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private String availabilityStatus() {
        return onlyItem(first).get("availability").get("status").asString();
    }

    private void updateCapacity(String assignments) {
        jdbc.sql("UPDATE service_capacity SET " + assignments + " WHERE service_id = :id")
                .param("id", partner.serviceId()).update();
    }

    private boolean freshUntilMatchesLimit() {
        return jdbc.sql("SELECT fresh_until = updated_at + freshness_limit FROM service_capacity WHERE service_id = :id")
                .param("id", partner.serviceId()).query(Boolean.class).single();
    }

    private void rename(long serviceId, String name) {
        jdbc.sql("UPDATE service SET name = :name WHERE id = :id").param("name", name).param("id", serviceId).update();
    }

    private long version() {
        return jdbc.sql("SELECT version FROM directory_version").query(Long.class).single();
    }
}
