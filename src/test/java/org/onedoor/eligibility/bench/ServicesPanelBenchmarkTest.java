package org.onedoor.eligibility.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
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

import com.sun.net.httpserver.HttpServer;

/**
 * Services panel benchmark, run only with {@code -Donedoor.benchmark=true}: seeds 300 partners with 5,000 services
 * (two thirds with capacity, half with rules from 10 distinct expressions) and 500,000 businesses, then measures
 * {@code GET /api/v1/businesses/{id}/services} for random businesses at 50 concurrent clients, and the trivial
 * {@code GET /api/v1/eligibility/facts} the same way in the same run. Clients use a signed-in session, as pages
 * do, so no request pays for a password hash. Figures are appended to
 * {@code target/bench/services-panel-benchmark.txt}. The application and the clients share one JVM and the machine.
 *
 * <p>The phases: the client floor (the same 50 clients against a constant response from a bare JDK HTTP server in
 * this JVM), a warm-up of 10 requests per client for each endpoint, one client alone, the closed loop (each client
 * sends its next request as soon as the last one returns), and the paced phase (each client sends one request about
 * every 250 ms, as staff with the panel open would). In the paced phase a request's latency counts from the time it
 * was due, so a client that falls behind does not hide the wait. Each phase also reports the CPU time per request of this JVM (application and clients) and
 * of the PostgreSQL server, which depends much less on other load on the machine than latency does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIfSystemProperty(named = "onedoor.benchmark", matches = "true",
        disabledReason = "A benchmark, not a test: run it with -Donedoor.benchmark=true")
class ServicesPanelBenchmarkTest {

    private static final Path RESULTS = Path.of("target/bench/services-panel-benchmark.txt");
    private static final int PARTNERS = 300;
    private static final int SERVICES = 5_000;
    private static final int BUSINESSES = Integer.getInteger("onedoor.benchmark.businesses", 500_000);
    private static final int CLIENTS = 50;
    private static final int REQUESTS_PER_CLIENT = Integer.getInteger("onedoor.benchmark.requests", 20);
    private static final int PACED_REQUESTS_PER_CLIENT = Integer.getInteger("onedoor.benchmark.paced-requests", 40);
    private static final Duration PACED_INTERVAL = Duration.ofMillis(250);
    // The JIT compiler used as much CPU as the request threads in a profile with 2 warm-up requests per client, so
    // the warm-up is longer.
    private static final int WARM_UP_PER_CLIENT = Integer.getInteger("onedoor.benchmark.warm-up", 10);
    private static final int SEQUENTIAL_REQUESTS = 20;
    // Requests under load queue behind each other, so one may take far longer than a page would wait.
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);
    private static final byte[] FLOOR_BODY = "[]".getBytes(StandardCharsets.UTF_8);

    /** One HTTP/1.1 client with keep-alive connections for all benchmark clients; each request names its session. */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** A signed-in client: its base address and session cookie. */
    private record Client(String baseUrl, String cookie) {
    }

    /** Latencies of one phase in nanoseconds, its wall time and the CPU time that the JVM and PostgreSQL used. */
    private record Phase(List<Long> nanos, Duration wallTime, CpuMeter.Reading cpu) {

        double p(double fraction) {
            return percentile(nanos, fraction);
        }

        double ratePerSecond() {
            return nanos.size() / (wallTime.toNanos() / 1e9);
        }

        /** Returns the CPU per request of the JVM and of PostgreSQL, in milliseconds, as one line of text. */
        String cpuPerRequest() {
            return String.format("CPU per request JVM %.2f ms, PostgreSQL %.2f ms", cpu.jvmNanos() / 1e6 / nanos.size(),
                    cpu.databaseNanos() / 1e6 / nanos.size());
        }
    }

    private CpuMeter cpuMeter;

    @Test
    void servicesForBusinessAtFiftyClients() throws Exception {
        Instant seedStart = Instant.now();
        long[] businessRange = BenchmarkData.seed(jdbc, PARTNERS, SERVICES, BUSINESSES);
        Duration seeding = Duration.between(seedStart, Instant.now());
        long servicesPerPanel = jdbc.sql("SELECT count(*) FROM service WHERE active").query(Long.class).single();
        cpuMeter = CpuMeter.of(jdbc);

        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            WebSession session = WebSession.signIn(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
            clients.add(new Client("http://127.0.0.1:" + port, session.cookieHeader()));
        }
        LongFunction<String> panel = id -> "/api/v1/businesses/" + id + "/services";
        LongFunction<String> trivial = id -> "/api/v1/eligibility/facts";

        Phase floor = clientFloor(businessRange);
        closedLoop(clients, panel, businessRange, WARM_UP_PER_CLIENT);
        closedLoop(clients, trivial, businessRange, WARM_UP_PER_CLIENT);
        Phase oneClient = closedLoop(clients.subList(0, 1), panel, businessRange, SEQUENTIAL_REQUESTS);
        Phase oneClientTrivial = closedLoop(clients.subList(0, 1), trivial, businessRange, SEQUENTIAL_REQUESTS);
        Phase closedPanel = closedLoop(clients, panel, businessRange, REQUESTS_PER_CLIENT);
        Phase closedTrivial = closedLoop(clients, trivial, businessRange, REQUESTS_PER_CLIENT);
        Phase pacedPanel = paced(clients, panel, businessRange);
        Phase pacedTrivial = paced(clients, trivial, businessRange);

        double offered = CLIENTS * 1000.0 / PACED_INTERVAL.toMillis();
        String line = String.format("seeded %d partners, %d services, %d businesses in %.0f s; %d active services per "
                        + "panel; client floor (%d clients x %d requests to a bare JDK HTTP server): p50 %.1f ms, "
                        + "p99 %.1f ms, %s; one client alone: panel p50 %.1f ms, max %.1f ms, %s; trivial p50 %.1f "
                        + "ms, %s; closed loop, %d clients x %d requests: panel p50 %.1f ms, p99 %.1f ms, %.0f/s, %s; "
                        + "trivial p50 %.1f ms, p99 %.1f ms, %.0f/s, %s; p99 ratio %.1f; paced, %d clients x %d "
                        + "requests, one every %d ms on average (offered %.0f/s): panel achieved %.0f/s, p50 %.1f ms, "
                        + "p99 %.1f ms, %s; trivial achieved %.0f/s, p50 %.1f ms, p99 %.1f ms, %s; p99 ratio %.1f",
                PARTNERS, SERVICES, BUSINESSES, seeding.toMillis() / 1000.0, servicesPerPanel, CLIENTS,
                REQUESTS_PER_CLIENT, floor.p(0.5), floor.p(0.99), floor.cpuPerRequest(), oneClient.p(0.5),
                oneClient.p(1.0), oneClient.cpuPerRequest(), oneClientTrivial.p(0.5),
                oneClientTrivial.cpuPerRequest(), CLIENTS, REQUESTS_PER_CLIENT, closedPanel.p(0.5),
                closedPanel.p(0.99), closedPanel.ratePerSecond(), closedPanel.cpuPerRequest(), closedTrivial.p(0.5),
                closedTrivial.p(0.99), closedTrivial.ratePerSecond(), closedTrivial.cpuPerRequest(),
                closedPanel.p(0.99) / closedTrivial.p(0.99), CLIENTS, PACED_REQUESTS_PER_CLIENT,
                PACED_INTERVAL.toMillis(), offered, pacedPanel.ratePerSecond(), pacedPanel.p(0.5), pacedPanel.p(0.99),
                pacedPanel.cpuPerRequest(), pacedTrivial.ratePerSecond(), pacedTrivial.p(0.5), pacedTrivial.p(0.99),
                pacedTrivial.cpuPerRequest(),
                pacedPanel.p(0.99) / pacedTrivial.p(0.99));
        System.out.println(line);
        Files.createDirectories(RESULTS.getParent());
        Files.writeString(RESULTS, Instant.now() + " " + line + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * Measures the clients alone: the same closed loop against a bare JDK HTTP server in this JVM that returns a
     * constant body, so the figures are what the client side and the shared machine cost without OneDoor.
     */
    private Phase clientFloor(long[] businessRange) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService serverThreads = Executors.newFixedThreadPool(CLIENTS);
        server.setExecutor(serverThreads);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, FLOOR_BODY.length);
            exchange.getResponseBody().write(FLOOR_BODY);
            exchange.close();
        });
        server.start();
        try {
            List<Client> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(new Client("http://127.0.0.1:" + server.getAddress().getPort(), "floor=" + i));
            }
            closedLoop(clients, id -> "/floor", businessRange, WARM_UP_PER_CLIENT);
            return closedLoop(clients, id -> "/floor", businessRange, REQUESTS_PER_CLIENT);
        } finally {
            server.stop(0);
            serverThreads.shutdownNow();
        }
    }

    /** Sends the requests from every client at once, each right after its last one returns. */
    private Phase closedLoop(List<Client> clients, LongFunction<String> path, long[] businessRange, int perClient)
            throws Exception {
        return inParallel(clients, client -> {
            List<Long> nanos = new ArrayList<>();
            for (int i = 0; i < perClient; i++) {
                long start = System.nanoTime();
                send(client, path.apply(randomBusiness(businessRange)));
                nanos.add(System.nanoTime() - start);
            }
            return nanos;
        });
    }

    /**
     * Sends one request per client about every {@link #PACED_INTERVAL}, with gaps drawn evenly between half and one
     * and a half intervals, and counts each latency from the time the request was due.
     */
    private Phase paced(List<Client> clients, LongFunction<String> path, long[] businessRange) throws Exception {
        long intervalNanos = PACED_INTERVAL.toNanos();
        return inParallel(clients, client -> {
            List<Long> nanos = new ArrayList<>();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long due = System.nanoTime() + random.nextLong(intervalNanos);
            for (int i = 0; i < PACED_REQUESTS_PER_CLIENT; i++) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                send(client, path.apply(randomBusiness(businessRange)));
                nanos.add(System.nanoTime() - due);
                due += random.nextLong(intervalNanos / 2, intervalNanos * 3 / 2);
            }
            return nanos;
        });
    }

    private interface ClientRun {
        List<Long> run(Client client) throws Exception;
    }

    /** Runs one thread per client and collects every latency with the phase's wall time and CPU time. */
    private Phase inParallel(List<Client> clients, ClientRun run) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(clients.size());
        try {
            CpuMeter.Reading cpuStart = cpuMeter.read();
            long start = System.nanoTime();
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (Client client : clients) {
                futures.add(threads.submit(() -> run.run(client)));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> future : futures) {
                all.addAll(future.get(30, TimeUnit.MINUTES));
            }
            Duration wallTime = Duration.ofNanos(System.nanoTime() - start);
            return new Phase(all, wallTime, cpuMeter.read().since(cpuStart));
        } finally {
            threads.shutdownNow();
        }
    }

    private void send(Client client, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(client.baseUrl() + path))
                .header("Cookie", client.cookie())
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static long randomBusiness(long[] businessRange) {
        return ThreadLocalRandom.current().nextLong(businessRange[0], businessRange[1] + 1);
    }

    /** Returns the nearest-rank percentile in milliseconds. */
    private static double percentile(List<Long> nanos, double fraction) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(fraction * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1_000_000.0;
    }
}
