package org.onedoor.imports.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.onedoor.imports.Multipart;
import org.onedoor.support.ApiClient;
import org.onedoor.support.TestAccounts;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import benchmark, run only with {@code -Donedoor.benchmark=true}: imports the three real licence lists and a
 * generated 100,000-row list through the HTTP API of the running application, and appends the figures to
 * {@code target/bench/import-benchmark.txt}. Heap is the JVM's used heap sampled every 100 ms; RSS is the
 * process's peak resident set (VmHWM in /proc/self/status). The application and this test share one JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIfSystemProperty(named = "onedoor.benchmark", matches = "true",
        disabledReason = "A benchmark, not a test: run it with -Donedoor.benchmark=true")
class ImportBenchmarkTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path RESULTS = Path.of("target/bench/import-benchmark.txt");

    @LocalServerPort
    int port;

    @Test
    void realLicenceLists() throws IOException {
        measure("south-bend-in.csv", read("licence-lists/south-bend-in.csv"), "M/D/YYYY", "US");
        measure("little-rock-ar.csv", read("licence-lists/little-rock-ar.csv"), "M/D/YY", "US");
        measure("langley-bc.csv", read("licence-lists/langley-bc.csv"), "YYYY-MM-DD", "CA");
    }

    @Test
    void generatedHundredThousandRows() throws IOException {
        Path file = Path.of("target/bench/licences-100k.csv");
        LicenceListGenerator.write(file, 100_000, 20_261_204L);

        JsonNode done = measure("generated 100,000 rows", Files.readAllBytes(file), "M/D/YY", "US");

        assertThat(done.get("counts").get("rowsRead").asInt()).isEqualTo(100_000);
    }

    private JsonNode measure(String label, byte[] content, String dateFormat, String country) throws IOException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peakHeap = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                0, 100, TimeUnit.MILLISECONDS);

        ApiClient api = ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        Multipart body = new Multipart().file("file", "bench.csv", content).field("sourceName", "bench " + label + " " + UUID.randomUUID())
                .field("dateFormat", dateFormat).field("country", country);
        Instant start = Instant.now();
        var accepted = api.send(api.request("/api/v1/imports/businesses").timeout(Duration.ofMinutes(5))
                .header("Content-Type", body.contentType()).POST(body.publisher()).build());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode done = poll(api, location);
        Duration wall = Duration.between(start, Instant.now());
        sampler.shutdownNow();

        JsonNode counts = done.get("counts");
        double seconds = done.get("secondsTaken").asDouble();
        String line = String.format("%s: status %s, rows %d, created %d, matched %d, rejected %d, warnings %d, "
                        + "job time %.1f s, %.0f rows/s, upload to done %.1f s, peak heap %d MiB, peak RSS (VmHWM) %s",
                label, done.get("status").asString(), counts.get("rowsRead").asInt(), counts.get("created").asInt(),
                counts.get("matched").asInt(), counts.get("rejected").asInt(), counts.get("warnings").asInt(), seconds,
                counts.get("rowsRead").asInt() / seconds, wall.toMillis() / 1000.0, peakHeap.get() / (1024 * 1024), peakRss());
        System.out.println(line);
        Files.createDirectories(RESULTS.getParent());
        Files.writeString(RESULTS, Instant.now() + " " + line + System.lineSeparator(), java.nio.charset.StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        return done;
    }

    private static JsonNode poll(ApiClient api, String location) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = JSON.readTree(api.get(location).body());
            String status = job.get("status").asString();
            if (status.equals("DONE") || status.equals("FAILED")) {
                return job;
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

    private static String peakRss() throws IOException {
        List<String> status = Files.readAllLines(Path.of("/proc/self/status"));
        return status.stream().filter(line -> line.startsWith("VmHWM:")).map(line -> line.substring(6).strip())
                .findFirst().orElse("unknown");
    }

    private static byte[] read(String resource) throws IOException {
        try (var in = ImportBenchmarkTest.class.getResourceAsStream("/" + resource)) {
            return in.readAllBytes();
        }
    }
}
