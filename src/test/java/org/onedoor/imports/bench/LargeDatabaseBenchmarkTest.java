package org.onedoor.imports.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.onedoor.businesses.DuplicateCheck;
import org.onedoor.businesses.IncomingAddress;
import org.onedoor.businesses.NewBusiness;
import org.onedoor.businesses.internal.SeedKeys;
import org.onedoor.imports.Multipart;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Speed at scale, run only with {@code -Donedoor.benchmark=true}: seeds 500,000 businesses straight into the
 * database (COPY, with the keys and word counts the registry would write; not timed), then measures the candidate
 * check before create ({@link DuplicateCheck#findCandidates}, the service behind the page and the API) for 2,000
 * probes, and an import of 200,000 rows through the HTTP API and the import worker. Sizes can be lowered with
 * {@code -Donedoor.benchmark.businesses}, {@code .rows} and {@code .probes}. Figures are appended to
 * {@code target/bench/large-database-benchmark.txt}, with the load average so a busy machine shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIfSystemProperty(named = "onedoor.benchmark", matches = "true",
        disabledReason = "A benchmark, not a test: run it with -Donedoor.benchmark=true")
class LargeDatabaseBenchmarkTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path RESULTS = Path.of("target/bench/large-database-benchmark.txt");
    private static final long SEED = 20_261_205L;

    private final int businessCount = Integer.getInteger("onedoor.benchmark.businesses", 500_000);
    private final int rowCount = Integer.getInteger("onedoor.benchmark.rows", 200_000);
    private final int probeCount = Integer.getInteger("onedoor.benchmark.probes", 2_000);
    private final SyntheticBusinesses synthetic = new SyntheticBusinesses(SEED);

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    DuplicateCheck duplicateCheck;

    @Test
    void importAndCandidateCheckAtScale() throws Exception {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Instant seedStart = Instant.now();
        seed(jdbc);
        report("seeded %,d businesses in %.0f s (not part of the figures); %s", businessCount,
                Duration.between(seedStart, Instant.now()).toMillis() / 1000.0, load());

        Path file = Path.of("target/bench/large-import-" + rowCount + ".csv");
        synthetic.writeImportFile(file, rowCount, businessCount, 0.2);

        candidateCheck(jdbc);
        importRows(jdbc, Files.readAllBytes(file));
    }

    private void seed(JdbcClient jdbc) throws SQLException, IOException {
        long firstId = jdbc.sql("SELECT coalesce(max(id), 0) + 1 FROM business").query(Long.class).single();
        Map<String, Integer> wordCounts = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("""
                        CREATE TEMP TABLE seed_business (id bigint, legal_name text, name_key text, line1 text,
                            city text, state text, postal_code text, phone text, phone_e164 text, address_key text,
                            unit_key text, zip5 text, city_key text) ON COMMIT DROP
                        """);
                statement.execute("CREATE TEMP TABLE seed_word (word text, name_count int) ON COMMIT DROP");
            }
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder rows = new StringBuilder();
            for (int number = 0; number < businessCount; number++) {
                SyntheticBusinesses.Business business = synthetic.business(number);
                IncomingAddress address = new IncomingAddress(business.street(), null, business.city(),
                        business.state(), business.zip(), "US", null);
                String[] key = SeedKeys.addressKey(address);
                csv(rows, firstId + number, business.name(), SeedKeys.nameKey(business.name()), business.street(),
                        business.city(), business.state(), business.zip(), business.phoneFormatted(),
                        business.phoneE164(), key[0], key[1], key[2], key[3]);
                SeedKeys.nameWords(business.name()).forEach(word -> wordCounts.merge(word, 1, Integer::sum));
                if (rows.length() > 8_000_000) {
                    copy.copyIn("COPY seed_business FROM STDIN (FORMAT csv)", new StringReader(rows.toString()));
                    rows.setLength(0);
                }
            }
            copy.copyIn("COPY seed_business FROM STDIN (FORMAT csv)", new StringReader(rows.toString()));
            rows.setLength(0);
            wordCounts.forEach((word, count) -> csv(rows, word, count));
            copy.copyIn("COPY seed_word FROM STDIN (FORMAT csv)", new StringReader(rows.toString()));
            try (var statement = connection.createStatement()) {
                statement.execute("""
                        INSERT INTO business (id, legal_name, name_key) OVERRIDING SYSTEM VALUE
                        SELECT id, legal_name, name_key FROM seed_business
                        """);
                statement.execute("""
                        INSERT INTO establishment (business_id, address_line1, city, state, postal_code, country_code,
                                                   phone, phone_e164, address_key, unit_key, zip5, city_key)
                        SELECT id, line1, city, state, postal_code, 'US', phone, phone_e164, address_key, unit_key,
                               zip5, city_key
                        FROM seed_business
                        """);
                statement.execute("""
                        INSERT INTO business_name_word (word, name_count)
                        SELECT word, name_count FROM seed_word
                        ON CONFLICT (word) DO UPDATE SET name_count = business_name_word.name_count + excluded.name_count
                        """);
                statement.execute("SELECT setval(pg_get_serial_sequence('business', 'id'), (SELECT max(id) FROM business))");
            }
            connection.commit();
        }
        // As autovacuum would do after a bulk load: statistics, and the GIN pending lists merged into the indexes.
        for (String table : List.of("business", "business_trade_name", "establishment", "business_name_word")) {
            jdbc.sql("VACUUM ANALYZE " + table).update();
        }
    }

    private static void csv(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            if (values[i] != null) {
                out.append('"').append(values[i].toString().replace("\"", "\"\"")).append('"');
            }
        }
        out.append('\n');
    }

    /**
     * Probes the candidate check as a person filling the "Register a new business" form would: half are seeded
     * businesses written another way (a business that already exists), half are new businesses.
     */
    private void candidateCheck(JdbcClient jdbc) throws IOException {
        Random random = new Random(SEED + 11);
        List<NewBusiness> probes = new ArrayList<>();
        for (int i = 0; i < probeCount + 200; i++) {
            SyntheticBusinesses.Business business = i % 2 == 0
                    ? SyntheticBusinesses.respelled(synthetic.business(random.nextInt(businessCount)), random)
                    : synthetic.business(businessCount + 5_000_000 + i);
            String phone = random.nextInt(3) == 0 ? null : business.phoneFormatted();
            probes.add(new NewBusiness(business.name(), null, null, null, null, phone, business.street(),
                    business.city(), business.state(), business.zip()));
        }
        // The first 200 probes warm up the JIT and the connection pool and are not counted.
        probes.subList(0, 200).forEach(duplicateCheck::findCandidates);
        resetPeaks();
        String loadBefore = load();
        long[] nanos = new long[probeCount];
        int likely = 0;
        for (int i = 0; i < probeCount; i++) {
            NewBusiness probe = probes.get(200 + i);
            long start = System.nanoTime();
            var found = duplicateCheck.findCandidates(probe);
            nanos[i] = System.nanoTime() - start;
            if (i % 2 == 0 && !found.isEmpty() && found.get(0).likelyDuplicate()) {
                likely++;
            }
        }
        Arrays.sort(nanos);
        long businesses = jdbc.sql("SELECT count(*) FROM business").query(Long.class).single();
        report("candidate check: %,d probes against %,d businesses: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms;"
                        + " %d of %d existing businesses found as likely duplicates; peak heap %s; peak RSS %s;"
                        + " PostgreSQL %s; load before %s, after %s",
                probeCount, businesses, millis(nanos, 0.50), millis(nanos, 0.95), millis(nanos, 0.99),
                nanos[nanos.length - 1] / 1e6, likely, (probeCount + 1) / 2, peakHeap(), peakRss(), postgresMemory(jdbc),
                loadBefore, load());
    }

    private static double millis(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private void importRows(JdbcClient jdbc, byte[] content) throws IOException {
        resetPeaks();
        String loadBefore = load();
        ApiClient api = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        Multipart body = new Multipart().file("file", "large.csv", content)
                .field("sourceName", "large benchmark " + UUID.randomUUID())
                .field("dateFormat", "M/D/YY").field("country", "US");
        var accepted = api.send(api.request("/api/v1/imports/businesses").timeout(Duration.ofMinutes(5))
                .header("Content-Type", body.contentType()).POST(body.publisher()).build());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode done = poll(api, accepted.headers().firstValue("Location").orElseThrow());

        JsonNode counts = done.get("counts");
        double seconds = done.get("secondsTaken").asDouble();
        report("import: %,d rows into %,d businesses: status %s, created %d, matched %d, rejected %d, warnings %d, "
                        + "job time %.1f s, %.0f rows/s; peak heap %s; peak RSS %s; PostgreSQL %s; load before %s, after %s",
                counts.get("rowsRead").asInt(), businessCount, done.get("status").asString(),
                counts.get("created").asInt(), counts.get("matched").asInt(), counts.get("rejected").asInt(),
                counts.get("warnings").asInt(), seconds, counts.get("rowsRead").asInt() / seconds, peakHeap(), peakRss(),
                postgresMemory(jdbc), loadBefore, load());
        assertThat(counts.get("rowsRead").asInt()).isEqualTo(rowCount);
    }

    private static JsonNode poll(ApiClient api, String location) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(60));
        Instant nextNote = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = JSON.readTree(api.get(location).body());
            String status = job.get("status").asString();
            if (status.equals("DONE") || status.equals("FAILED")) {
                return job;
            }
            if (Instant.now().isAfter(nextNote)) {
                System.out.println("import progress: " + job.get("counts") + " load " + load());
                nextNote = Instant.now().plus(Duration.ofSeconds(30));
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Import " + location + " did not finish within 60 minutes");
    }

    /** Resets the heap pools' peak usage and the process's peak RSS, so each phase reports its own peaks. */
    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        try {
            // Writing 5 to clear_refs resets VmHWM to the current RSS (Linux 4.0 and later).
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            System.out.println("Could not reset VmHWM, so peak RSS counts from the JVM's start: " + e);
        }
    }

    /** The sum of the heap pools' peak usage since the last reset: an upper bound of the peak heap in use. */
    private static String peakHeap() {
        long bytes = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
        return (bytes >> 20) + " MiB (max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB)";
    }

    private static String peakRss() {
        return statusValue(Path.of("/proc/self/status"), "VmHWM:");
    }

    /**
     * The embedded server's processes: the largest peak RSS of one process and the sum of current RSS. Shared
     * buffers appear in every process that touched them, so the sum counts them more than once.
     */
    private static String postgresMemory(JdbcClient jdbc) {
        long backend = jdbc.sql("SELECT pg_backend_pid()").query(Long.class).single();
        var postmaster = ProcessHandle.of(backend).flatMap(ProcessHandle::parent);
        if (postmaster.isEmpty()) {
            return "unknown";
        }
        List<ProcessHandle> processes = new ArrayList<>(postmaster.get().children().toList());
        processes.add(postmaster.get());
        long maxPeak = 0;
        long sumRss = 0;
        for (ProcessHandle process : processes) {
            Path status = Path.of("/proc/" + process.pid() + "/status");
            maxPeak = Math.max(maxPeak, kib(statusValue(status, "VmHWM:")));
            sumRss += kib(statusValue(status, "VmRSS:"));
        }
        return String.format("%d processes, largest peak RSS %d MiB, sum of RSS %d MiB", processes.size(),
                maxPeak >> 10, sumRss >> 10);
    }

    private static long kib(String value) {
        String digits = value.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }

    private static String statusValue(Path status, String field) {
        try {
            return Files.readAllLines(status).stream().filter(line -> line.startsWith(field))
                    .map(line -> line.substring(field.length()).strip()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void report(String format, Object... values) throws IOException {
        String line = String.format(format, values);
        System.out.println(line);
        Files.createDirectories(RESULTS.getParent());
        Files.writeString(RESULTS, Instant.now() + " " + line + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
