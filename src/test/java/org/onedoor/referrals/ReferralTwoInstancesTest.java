package org.onedoor.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.onedoor.OneDoorApplication;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.referrals.ReferralFixtures.Pair;
import org.onedoor.referrals.internal.ReferralExpiry;
import org.onedoor.support.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

import tools.jackson.databind.json.JsonMapper;

/**
 * Two OneDoor instances on one database: this test's application and a second context with its own port. Sends
 * race for the last units through both, and both expire the same overdue referrals, with a bounded number of
 * requests and threads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReferralTwoInstancesTest {

    private static final int THREADS = 8;
    private static final int SENDS = 40;
    private static final int UNITS = 5;

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
}
