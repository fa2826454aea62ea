package org.onedoor.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onedoor.OneDoorApplication;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two OneDoor instances on one database send 500 referrals at once to a service with 10 units, 20 times over:
 * exactly 10 sends take a unit each time, every other send gets {@code no_capacity}, and the service's counts always
 * equal the referrals that own its units. This test's application is instance 1; a second application context with
 * its own port is instance 2.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReferralConcurrencyTest {

    private static final int BUSINESSES = 500;
    private static final int UNITS = 10;
    private static final int ROUNDS = 20;
    private static final int CLIENT_THREADS = 32;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path secondDataDir;

    static ConfigurableApplicationContext second;
    static int secondPort;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessRegistry registry;

    @Autowired
    UserAccounts accounts;

    @BeforeAll
    static void startSecondInstance(@Autowired DataSource dataSource) {
        HikariDataSource first = (HikariDataSource) dataSource;
        second = new SpringApplicationBuilder(OneDoorApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + first.getJdbcUrl(),
                "--spring.datasource.username=" + first.getUsername(),
                "--spring.datasource.password=",
                "--onedoor.data-dir=" + secondDataDir);
        secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void exactlyTenOfFiveHundredTakeAUnit() throws Exception {
        ReferralFixtures.Pair pair = ReferralFixtures.pair(jdbc);
        long receiverPartnerId = pair.receiver().partnerId();
        UserAccount sender = ReferralFixtures.account(accounts, Role.STAFF, pair.senderPartnerId());
        List<ApiClient> instances = List.of(ReferralFixtures.api(port, sender), ReferralFixtures.api(secondPort, sender));
        List<Long> businesses = new ArrayList<>();
        for (int i = 0; i < BUSINESSES; i++) {
            businesses.add(ReferralFixtures.business(registry, jdbc));
        }

        ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                long serviceId = ReferralFixtures.service(jdbc, receiverPartnerId, "training", UNITS, UNITS);
                List<Future<HttpResponse<String>>> sends = new ArrayList<>();
                for (int i = 0; i < BUSINESSES; i++) {
                    ApiClient instance = instances.get(i % 2);
                    String body = ReferralFixtures.complete(businesses.get(i), serviceId, pair.receiver().officeId());
                    sends.add(clients.submit(() -> ReferralFixtures.post(instance, "/api/v1/referrals", body)));
                }
                Map<String, Long> outcomes = new java.util.TreeMap<>();
                List<Long> sent = new ArrayList<>();
                for (Future<HttpResponse<String>> send : sends) {
                    HttpResponse<String> response = send.get(2, TimeUnit.MINUTES);
                    JsonNode json = JSON.readTree(response.body());
                    String outcome = response.statusCode() == 201 ? "sent"
                            : response.statusCode() + " " + json.path("code").asString("");
                    outcomes.merge(outcome, 1L, Long::sum);
                    if (response.statusCode() == 201) {
                        sent.add(json.path("id").asLong());
                    }
                }

                assertThat(outcomes).as("round %d", round)
                        .containsExactlyInAnyOrderEntriesOf(Map.of("sent", (long) UNITS,
                                "409 no_capacity", (long) (BUSINESSES - UNITS)));
                assertThat(ReferralInvariants.violations(jdbc, serviceId)).as("round %d", round).isEmpty();
                Map<String, Object> counts = jdbc.sql("""
                                SELECT available_units, held_units, used_units FROM service_capacity
                                WHERE service_id = :id""")
                        .param("id", serviceId).query().singleRow();
                assertThat(counts).as("round %d", round)
                        .containsEntry("available_units", 0).containsEntry("held_units", UNITS)
                        .containsEntry("used_units", 0);

                cancelAll(instances, sent, clients);
                assertThat(ReferralInvariants.violations(jdbc, serviceId)).as("round %d after cancel", round).isEmpty();
                assertThat(jdbc.sql("SELECT available_units FROM service_capacity WHERE service_id = :id")
                        .param("id", serviceId).query(Integer.class).single())
                        .as("round %d: every cancelled unit back once", round).isEqualTo(UNITS);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(ReferralInvariants.violations(jdbc, null)).isEmpty();
    }

    /** Cancels each sent referral twice at once, once on each instance: exactly one cancel may release the unit. */
    private void cancelAll(List<ApiClient> instances, List<Long> referralIds, ExecutorService clients)
            throws Exception {
        String body = """
                {"status": "cancelled", "reasonCode": "sent_in_error", "reasonText": "Load test round"}""";
        List<Future<HttpResponse<String>>> cancels = new ArrayList<>();
        for (long id : referralIds) {
            for (ApiClient instance : instances) {
                cancels.add(clients.submit(() -> ReferralFixtures.post(instance, "/api/v1/referrals/" + id + "/status",
                        body)));
            }
        }
        Map<Integer, Long> statuses = new java.util.TreeMap<>();
        for (Future<HttpResponse<String>> cancel : cancels) {
            statuses.merge(cancel.get(2, TimeUnit.MINUTES).statusCode(), 1L, Long::sum);
        }
        assertThat(statuses).as("one cancel of each pair succeeds, the other finds it cancelled")
                .containsExactlyInAnyOrderEntriesOf(Map.of(200, (long) referralIds.size(),
                        409, (long) referralIds.size()));
    }
}
