package org.onedoor.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL server per data folder and JVM. Several Spring contexts in one JVM (as in a test run)
 * share the server of a folder; it stops when the JVM exits.
 */
final class EmbeddedDatabaseServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseServer.class);

    private static final Map<Path, EmbeddedDatabaseServer> RUNNING = new ConcurrentHashMap<>();

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabaseServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabaseServer start(Path dataDir, Duration startupWait, boolean cleanFirst) {
        Path folder = dataDir.toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(folder, key -> launch(key, startupWait, cleanFirst));
    }

    /**
     * Returns the JDBC URL of the named database, creating the database when it does not exist yet.
     */
    String jdbcUrl(String databaseName) {
        if (!databaseName.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Invalid database name '" + databaseName
                    + "': use lower-case letters, digits and underscores");
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + databaseName + "'")) {
                if (!rows.next()) {
                    statement.execute("CREATE DATABASE " + databaseName);
                    log.info("Created database {} in the embedded PostgreSQL server", databaseName);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + databaseName + " in the embedded server", e);
        }
        return postgres.getJdbcUrl("postgres", databaseName);
    }

    private static EmbeddedDatabaseServer launch(Path folder, Duration startupWait, boolean cleanFirst) {
        try {
            Files.createDirectories(folder);
            stopOrphanedServer(folder);
            if (cleanFirst) {
                log.info("Deleting the embedded PostgreSQL data folder {} before the first start", folder);
                FileSystemUtils.deleteRecursively(folder);
                Files.createDirectories(folder);
            }

            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(folder)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100")
                    .setPGStartupWait(startupWait)
                    .setRegisterShutdownHook(true)
                    .start();
            log.info("Embedded PostgreSQL started on port {} with data folder {}", postgres.getPort(), folder);
            return new EmbeddedDatabaseServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server in " + folder
                    + ". Check that the folder is writable, or set spring.datasource.url to use an existing server", e);
        }
    }

    /**
     * Stops a server that a killed OneDoor process left running on this folder. PostgreSQL writes its process id
     * on the first line of {@code postmaster.pid}; a server whose process is gone needs nothing, because PostgreSQL
     * replaces a stale pid file by itself.
     */
    private static void stopOrphanedServer(Path folder) throws IOException {
        Path pidFile = folder.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).strip());
        Optional<ProcessHandle> process = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().command().map(command -> command.endsWith("postgres")).orElse(false));
        if (process.isEmpty()) {
            return;
        }

        log.warn("Found PostgreSQL server {} still running on {} from an earlier OneDoor process; stopping it", pid, folder);
        signal(pid, "INT");
        if (!awaitExit(process.get(), Duration.ofSeconds(30))) {
            log.warn("PostgreSQL server {} did not stop within 30 seconds of a fast shutdown; sending an immediate shutdown", pid);
            signal(pid, "QUIT");
            awaitExit(process.get(), Duration.ofSeconds(30));
        }
    }

    private static void signal(long pid, String signal) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while signalling PostgreSQL server " + pid, e);
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !process.isAlive();
    }
}
