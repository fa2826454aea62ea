package org.onedoor.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.referrals.ReferralFixtures.Pair;
import org.onedoor.referrals.internal.ReferralExpiry;
import org.onedoor.support.ApiClient;
import org.onedoor.support.SecondInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;


import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two OneDoor instances on one database: this test's application and a second context with its own port. Sends
 * race for the last units through both, and both expire the same overdue referrals, with a bounded number of
 * requests and threads. The load test sends 500 referrals at once to a service with 10 units, 20 times over.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReferralTwoInstancesTest {

    private static final int THREADS = 8;
    private static final int SENDS = 40;
    private static final int UNITS = 5;
    // The load test: 500 businesses race for 10 units, 20 rounds, from 32 client threads.
    private static final int LOAD_BUSINESSES = 500;
    private static final int LOAD_UNITS = 10;
    private static final int LOAD_ROUNDS = 20;
    private static final int LOAD_THREADS = 32;

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

    @Autowired
    JsonMapper json;

    @Autowired
    ReferralExpiry expiry;

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

    @Test
    void parallelSendsTakeExactlyTheFreeUnits() throws Exception {
        Pair pair = ReferralFixtures.pair(jdbc);
        long serviceId = pair.receiver().serviceId();
        ReferralFixtures.capacity(jdbc, serviceId, UNITS, UNITS, 0);
        UserAccount staff = ReferralFixtures.account(accounts, Role.STAFF, pair.senderPartnerId());
        List<ApiClient> instances = List.of(ReferralFixtures.api(port, staff), ReferralFixtures.api(secondPort, staff));
        List<Long> businesses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            businesses.add(ReferralFixtures.business(registry, jdbc));
        }

        List<Callable<HttpResponse<String>>> sends = new ArrayList<>();
        for (int i = 0; i < SENDS; i++) {
            ApiClient instance = instances.get(i % 2);
            String body = ReferralFixtures.complete(businesses.get(i % businesses.size()), serviceId,
                    pair.receiver().officeId());
            sends.add(() -> ReferralFixtures.post(instance, "/api/v1/referrals", body));
        }
        List<HttpResponse<String>> responses = runTogether(sends);

        assertThat(responses).filteredOn(response -> response.statusCode() == 201).hasSize(UNITS);
        List<HttpResponse<String>> rejected = responses.stream().filter(r -> r.statusCode() != 201).toList();
        assertThat(rejected).hasSize(SENDS - UNITS);
        assertThat(rejected).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(json.readTree(response.body()).get("code").asString()).isEqualTo("no_capacity");
        });
        assertThat(ReferralInvariants.violations(jdbc, serviceId)).isEmpty();
        assertThat(jdbc.sql("SELECT available_units FROM service_capacity WHERE service_id = :id")
                .param("id", serviceId).query(Integer.class).single()).isZero();
    }

    @Test
    void bothInstancesExpireEachReferralOnce() throws Exception {
        Pair pair = ReferralFixtures.pair(jdbc);
        long serviceId = pair.receiver().serviceId();
        int count = 12;
        ReferralFixtures.capacity(jdbc, serviceId, count, count, 0);
        UserAccount staff = ReferralFixtures.account(accounts, Role.STAFF, pair.senderPartnerId());
        ApiClient api = ReferralFixtures.api(port, staff);
        long businessId = ReferralFixtures.business(registry, jdbc);
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response = ReferralFixtures.post(api, "/api/v1/referrals",
                    ReferralFixtures.complete(businessId, serviceId, pair.receiver().officeId()));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        }
        jdbc.sql("UPDATE referral SET sent_at = now() - interval '40 days' WHERE service_id = :id")
                .param("id", serviceId).update();
        ReferralExpiry secondExpiry = second.getBean(ReferralExpiry.class);

        List<Callable<Integer>> sweeps = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ReferralExpiry instance = i % 2 == 0 ? expiry : secondExpiry;
            sweeps.add(instance::expireOverdue);
        }
        runTogether(sweeps);

        long failed = jdbc.sql("""
                        SELECT count(*) FROM referral_status_change h JOIN referral r ON r.id = h.referral_id
                        WHERE r.service_id = :id AND h.to_status = 'FAILED' AND h.reason_code = 'expired'""")
                .param("id", serviceId).query(Long.class).single();
        assertThat(failed).isEqualTo(count);
        assertThat(jdbc.sql("SELECT available_units FROM service_capacity WHERE service_id = :id")
                .param("id", serviceId).query(Integer.class).single()).isEqualTo(count);
        assertThat(ReferralInvariants.violations(jdbc, serviceId)).isEmpty();
    }

    /** Runs the tasks on a bounded pool, released together, and waits at most a minute for all of them. */
    private static <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tenOfFiveHundredTakeUnits() throws Exception {
        ReferralFixtures.Pair pair = ReferralFixtures.pair(jdbc);
        long receiverPartnerId = pair.receiver().partnerId();
        UserAccount sender = ReferralFixtures.account(accounts, Role.STAFF, pair.senderPartnerId());
        List<ApiClient> instances = List.of(ReferralFixtures.api(port, sender), ReferralFixtures.api(secondPort, sender));
        List<Long> businesses = new ArrayList<>();
        for (int i = 0; i < LOAD_BUSINESSES; i++) {
            businesses.add(ReferralFixtures.business(registry, jdbc));
        }

        ExecutorService clients = Executors.newFixedThreadPool(LOAD_THREADS);
        try {
            for (int round = 1; round <= LOAD_ROUNDS; round++) {
                long serviceId = ReferralFixtures.service(jdbc, receiverPartnerId, "training", LOAD_UNITS,
                        LOAD_UNITS);
                List<Future<HttpResponse<String>>> sends = new ArrayList<>();
                for (int i = 0; i < LOAD_BUSINESSES; i++) {
                    ApiClient instance = instances.get(i % 2);
                    String body = ReferralFixtures.complete(businesses.get(i), serviceId, pair.receiver().officeId());
                    sends.add(clients.submit(() -> ReferralFixtures.post(instance, "/api/v1/referrals", body)));
                }
                Map<String, Long> outcomes = new TreeMap<>();
                List<Long> sent = new ArrayList<>();
                for (Future<HttpResponse<String>> send : sends) {
                    HttpResponse<String> response = send.get(2, TimeUnit.MINUTES);
                    JsonNode answer = json.readTree(response.body());
                    String outcome = response.statusCode() == 201 ? "sent"
                            : response.statusCode() + " " + answer.path("code").asString("");
                    outcomes.merge(outcome, 1L, Long::sum);
                    if (response.statusCode() == 201) {
                        sent.add(answer.path("id").asLong());
                    }
                }

                assertThat(outcomes).as("round %d", round)
                        .containsExactlyInAnyOrderEntriesOf(Map.of("sent", (long) LOAD_UNITS,
                                "409 no_capacity", (long) (LOAD_BUSINESSES - LOAD_UNITS)));
                assertThat(ReferralInvariants.violations(jdbc, serviceId)).as("round %d", round).isEmpty();
                Map<String, Object> counts = jdbc.sql("""
                                SELECT available_units, held_units, used_units FROM service_capacity
                                WHERE service_id = :id""")
                        .param("id", serviceId).query().singleRow();
                assertThat(counts).as("round %d", round)
                        .containsEntry("available_units", 0).containsEntry("held_units", LOAD_UNITS)
                        .containsEntry("used_units", 0);

                cancelAll(instances, sent, clients);
                assertThat(ReferralInvariants.violations(jdbc, serviceId)).as("round %d after cancel", round).isEmpty();
                assertThat(jdbc.sql("SELECT available_units FROM service_capacity WHERE service_id = :id")
                        .param("id", serviceId).query(Integer.class).single())
                        .as("round %d: every cancelled unit back once", round).isEqualTo(LOAD_UNITS);
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
        Map<Integer, Long> statuses = new TreeMap<>();
        for (Future<HttpResponse<String>> cancel : cancels) {
            statuses.merge(cancel.get(2, TimeUnit.MINUTES).statusCode(), 1L, Long::sum);
        }
        assertThat(statuses).as("one cancel of each pair succeeds, the other finds it cancelled")
                .containsExactlyInAnyOrderEntriesOf(Map.of(200, (long) referralIds.size(),
                        409, (long) referralIds.size()));
    }
}
