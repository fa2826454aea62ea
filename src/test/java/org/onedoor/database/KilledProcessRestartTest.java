package org.onedoor.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts OneDoor as a separate JVM on its own data folder, kills it with SIGKILL, and starts it again on the same
 * folder: the second start must stop the PostgreSQL server the first one left behind and keep committed data.
 */
class KilledProcessRestartTest {

    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    @TempDir
    Path dataDir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopStartedProcesses() throws InterruptedException {
        for (Process process : started) {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
        stopLeftoverPostgres();
    }

    @Test
    void restartsCleanlyAfterSigkillWithCommittedData() throws Exception {
        Process first = startOneDoor("first");
        long firstPostgres = postgresPid();
        try (Connection connection = connect()) {
            connection.createStatement().execute(
                    "INSERT INTO workforce_area (code, name, state_fips) VALUES ('kill-test', 'Kill test area', '18')");
        }

        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("first OneDoor process ended").isTrue();
        assertThat(ProcessHandle.of(firstPostgres).map(ProcessHandle::isAlive))
                .as("the orphaned PostgreSQL server is still running before the restart")
                .contains(true);

        Process second = startOneDoor("second");

        assertThat(ProcessHandle.of(firstPostgres).filter(ProcessHandle::isAlive))
                .as("the orphaned PostgreSQL server was stopped")
                .isEmpty();
        assertThat(postgresPid()).isNotEqualTo(firstPostgres);
        try (Connection connection = connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM workforce_area WHERE code = 'kill-test'")) {
            assertThat(rows.next()).as("committed row survived the kill").isTrue();
            assertThat(rows.getString(1)).isEqualTo("Kill test area");
        }

        long secondPostgres = postgresPid();
        second.destroy();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("second OneDoor process stopped on SIGTERM").isTrue();
        waitUntil(() -> ProcessHandle.of(secondPostgres).filter(ProcessHandle::isAlive).isEmpty(), Duration.ofSeconds(30));
        assertThat(ProcessHandle.of(secondPostgres).filter(ProcessHandle::isAlive))
                .as("a normal stop also stops PostgreSQL")
                .isEmpty();
    }

    private Process startOneDoor(String name) throws IOException, InterruptedException {
        int port = freePort();
        Path log = dataDir.resolve(name + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java,
                "-Xmx512m",
                "-cp", System.getProperty("java.class.path"),
                "org.onedoor.OneDoorApplication",
                "--server.port=" + port,
                "--onedoor.data-dir=" + dataDir,
                "--onedoor.clean-data-dir=false",
                "--onedoor.demo-data=false",
                "--onedoor.admin.email=admin@onedoor.test",
                "--onedoor.admin.password=kill-test-password",
                "--onedoor.security.bcrypt-strength=4")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        started.add(process);

        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("OneDoor (" + name + ") exited with " + process.exitValue() + ":\n" + tail(log));
            }
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return process;
                }
            } catch (IOException notYetListening) {
                // The server is still starting.
            }
            Thread.sleep(250);
        }
        throw new AssertionError("OneDoor (" + name + ") did not report healthy within " + START_LIMIT + ":\n" + tail(log));
    }

    private Connection connect() throws SQLException, IOException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort() + "/onedoor", "postgres", "");
    }

    /** Reads the server's process id from the first line of {@code postmaster.pid}. */
    private long postgresPid() throws IOException {
        return Long.parseLong(pidFileLines().get(0).strip());
    }

    /** Reads the server's port from the fourth line of {@code postmaster.pid}. */
    private int postgresPort() throws IOException {
        return Integer.parseInt(pidFileLines().get(3).strip());
    }

    private List<String> pidFileLines() throws IOException {
        return Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"), StandardCharsets.US_ASCII);
    }

    private void stopLeftoverPostgres() {
        try {
            if (Files.exists(dataDir.resolve("postgres/postmaster.pid"))) {
                ProcessHandle.of(postgresPid()).filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroy);
            }
        } catch (IOException | RuntimeException e) {
            // Cleanup only; the assertions above already reported any failure.
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
