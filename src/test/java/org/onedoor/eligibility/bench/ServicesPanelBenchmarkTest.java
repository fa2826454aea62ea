package org.onedoor.eligibility.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.onedoor.support.TestAccounts;
import org.onedoor.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Services panel benchmark, run only with {@code -Donedoor.benchmark=true}: seeds 300 partners with 5,000 services
 * (two thirds with capacity, half with rules from 10 distinct expressions) and 500,000 businesses, then measures
 * {@code GET /api/v1/businesses/{id}/services} for random businesses at 50 concurrent clients, and the trivial
 * {@code GET /api/v1/eligibility/facts} the same way in the same run. Clients use a signed-in session, as pages
 * do, so no request pays for a password hash. Figures are appended to
 * {@code target/bench/services-panel-benchmark.txt}. The application and the clients share one JVM and the machine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIfSystemProperty(named = "onedoor.benchmark", matches = "true",
        disabledReason = "A benchmark, not a test: run it with -Donedoor.benchmark=true")
class ServicesPanelBenchmarkTest {

    private static final Path RESULTS = Path.of("target/bench/services-panel-benchmark.txt");
    private static final int PARTNERS = 300;
    private static final int SERVICES = 5_000;
    private static final int BUSINESSES = 500_000;
    private static final int CLIENTS = 50;
    private static final int REQUESTS_PER_CLIENT = Integer.getInteger("onedoor.benchmark.requests", 20);
    private static final int WARM_UP_PER_CLIENT = 2;
    private static final int SEQUENTIAL_REQUESTS = 20;
    // Requests under load queue behind each other, so one may take far longer than a page would wait.
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void servicesForBusinessAtFiftyClients() throws Exception {
        Instant seedStart = Instant.now();
        long[] businessRange = BenchmarkData.seed(jdbc, PARTNERS, SERVICES, BUSINESSES);
        Duration seeding = Duration.between(seedStart, Instant.now());
        long servicesPerPanel = jdbc.sql("SELECT count(*) FROM service WHERE active").query(Long.class).single();

        List<WebSession> sessions = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            sessions.add(WebSession.signIn(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD));
        }
        LongFunction<String> panel = id -> "/api/v1/businesses/" + id + "/services";
        LongFunction<String> trivial = id -> "/api/v1/eligibility/facts";

        List<Long> oneClientNanos = run(sessions.subList(0, 1), panel, businessRange, SEQUENTIAL_REQUESTS);
        run(sessions, panel, businessRange, WARM_UP_PER_CLIENT);
        run(sessions, trivial, businessRange, WARM_UP_PER_CLIENT);
        List<Long> panelNanos = run(sessions, panel, businessRange, REQUESTS_PER_CLIENT);
        List<Long> trivialNanos = run(sessions, trivial, businessRange, REQUESTS_PER_CLIENT);

        double panelP99 = percentile(panelNanos, 0.99);
        double trivialP99 = percentile(trivialNanos, 0.99);
        String line = String.format("seeded %d partners, %d services, %d businesses in %.0f s; %d active services per "
                        + "panel; one client alone: p50 %.1f ms, max %.1f ms; %d clients x %d requests each: services "
                        + "panel p50 %.1f ms, p99 %.1f ms; trivial "
                        + "endpoint p50 %.1f ms, p99 %.1f ms; p99 ratio %.1f",
                PARTNERS, SERVICES, BUSINESSES, seeding.toMillis() / 1000.0, servicesPerPanel,
                percentile(oneClientNanos, 0.5), percentile(oneClientNanos, 1.0), CLIENTS,
                REQUESTS_PER_CLIENT, percentile(panelNanos, 0.5), panelP99, percentile(trivialNanos, 0.5),
                trivialP99, panelP99 / trivialP99);
        System.out.println(line);
        Files.createDirectories(RESULTS.getParent());
        Files.writeString(RESULTS, Instant.now() + " " + line + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Sends the requests from every client at once and returns each request's latency in nanoseconds. */
    private static List<Long> run(List<WebSession> sessions, LongFunction<String> path, long[] businessRange,
                                  int perClient) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(sessions.size());
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (WebSession session : sessions) {
                futures.add(clients.submit(() -> {
                    List<Long> nanos = new ArrayList<>();
                    for (int i = 0; i < perClient; i++) {
                        long businessId = ThreadLocalRandom.current().nextLong(businessRange[0], businessRange[1] + 1);
                        long start = System.nanoTime();
                        HttpResponse<String> response = session.send(HttpRequest.newBuilder(
                                session.uri(path.apply(businessId))).timeout(REQUEST_TIMEOUT).GET().build());
                        nanos.add(System.nanoTime() - start);
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    }
                    return nanos;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> future : futures) {
                all.addAll(future.get(30, TimeUnit.MINUTES));
            }
            return all;
        } finally {
            clients.shutdownNow();
        }
    }

    /** Returns the nearest-rank percentile in milliseconds. */
    private static double percentile(List<Long> nanos, double fraction) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(fraction * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1_000_000.0;
    }
}
