package org.onedoor.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Referral send benchmark, run only with {@code -Donedoor.benchmark=true}: {@value #SENDS} referrals of distinct
 * businesses to one service through {@code POST /api/v1/referrals} on one instance at {@value #CLIENTS} concurrent
 * clients, then, as the floor, the bare conditional update that takes a unit, run as often and as concurrently on
 * another service's capacity row over JDBC in the same run. Figures are appended to
 * {@code target/bench/referral-send-benchmark.txt}. Clients, application and database share the machine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIfSystemProperty(named = "onedoor.benchmark", matches = "true",
        disabledReason = "A benchmark, not a test: run it with -Donedoor.benchmark=true")
class ReferralSendBenchmarkTest {

    private static final Path RESULTS = Path.of("target/bench/referral-send-benchmark.txt");
    private static final int SENDS = Integer.getInteger("onedoor.benchmark.sends", 2_000);
    private static final int WARM_UP = 100;
    private static final int CLIENTS = 16;
    private static final int UNITS = 1_000_000;
    private static final String TAKE_UNIT = """
            UPDATE service_capacity SET available_units = available_units - 1, held_units = held_units + 1
            WHERE service_id = :id AND available_units > 0 AND updated_at + freshness_limit > now()""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessRegistry registry;

    @Autowired
    UserAccounts accounts;

    @Test
    void sendsPerSecondNextToTheBareUpdate() throws Exception {
        ReferralFixtures.Pair pair = ReferralFixtures.pair(jdbc);
        long serviceId = ReferralFixtures.service(jdbc, pair.receiver().partnerId(), "training", UNITS, UNITS);
        long floorServiceId = ReferralFixtures.service(jdbc, pair.receiver().partnerId(), "training", UNITS, UNITS);
        UserAccount sender = ReferralFixtures.account(accounts, Role.STAFF, pair.senderPartnerId());
        ApiClient api = ReferralFixtures.api(port, sender);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < WARM_UP + SENDS; i++) {
            bodies.add(ReferralFixtures.complete(ReferralFixtures.business(registry, jdbc), serviceId,
                    pair.receiver().officeId()));
        }

        AtomicInteger next = new AtomicInteger();
        Task send = () -> {
            HttpResponse<String> response = ReferralFixtures.post(api, "/api/v1/referrals",
                    bodies.get(next.getAndIncrement()));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        };
        Task bareUpdate = () -> assertThat(jdbc.sql(TAKE_UNIT).param("id", floorServiceId).update()).isEqualTo(1);

        run(send, WARM_UP);
        run(bareUpdate, WARM_UP);
        Result sends = run(send, SENDS);
        Result floor = run(bareUpdate, SENDS);

        String line = String.format("%d clients, %d operations each kind: referral send %.0f/s, p50 %.1f ms, p99 %.1f ms;"
                        + " bare conditional update %.0f/s, p50 %.1f ms, p99 %.1f ms",
                CLIENTS, SENDS, sends.perSecond(), sends.percentile(0.5), sends.percentile(0.99),
                floor.perSecond(), floor.percentile(0.5), floor.percentile(0.99));
        System.out.println(line);
        Files.createDirectories(RESULTS.getParent());
        Files.writeString(RESULTS, Instant.now() + " " + line + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    interface Task {
        void run() throws Exception;
    }

    record Result(List<Long> nanos, long wallNanos) {

        double perSecond() {
            return nanos.size() / (wallNanos / 1e9);
        }

        /** Returns the nearest-rank percentile in milliseconds. */
        double percentile(double fraction) {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            int rank = (int) Math.ceil(fraction * sorted.size());
            return sorted.get(Math.max(0, rank - 1)) / 1_000_000.0;
        }
    }

    /** Runs the task {@code count} times from {@link #CLIENTS} threads and times each run and the whole. */
    private static Result run(Task task, int count) throws Exception {
        AtomicInteger left = new AtomicInteger(count);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                futures.add(clients.submit(() -> {
                    List<Long> nanos = new ArrayList<>();
                    while (left.getAndDecrement() > 0) {
                        long begin = System.nanoTime();
                        task.run();
                        nanos.add(System.nanoTime() - begin);
                    }
                    return nanos;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> future : futures) {
                all.addAll(future.get(30, TimeUnit.MINUTES));
            }
            return new Result(all, System.nanoTime() - start);
        } finally {
            clients.shutdownNow();
        }
    }
}
