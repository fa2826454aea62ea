package org.onedoor.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A OneDoor instance in its own JVM on the test's database, for tests that must kill an instance the way an
 * operating system does (SIGKILL), which an application context inside the test JVM cannot show.
 */
public final class OneDoorProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final List<String> command;
    private final Path logFile;
    private final int port;
    private Process process;

    private OneDoorProcess(List<String> command, Path logFile, int port) {
        this.command = command;
        this.logFile = logFile;
        this.port = port;
    }

    /**
     * Starts an instance on the database behind {@code dataSource} and waits until it responds over HTTP.
     *
     * @param dataDir  the instance's own data folder (it starts no database of its own)
     * @param logFile  where the instance's output goes, for reading after a failure
     * @param settings more {@code --name=value} arguments
     */
    public static OneDoorProcess start(HikariDataSource dataSource, Path dataDir, Path logFile, String... settings) {
        int port = freeLoopbackPort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp", testClassPath(),
                "org.onedoor.OneDoorApplication",
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--spring.datasource.url=" + dataSource.getJdbcUrl(),
                "--spring.datasource.username=" + dataSource.getUsername(),
                "--spring.datasource.password=",
                "--onedoor.data-dir=" + dataDir,
                "--onedoor.clean-data-dir=false"));
        command.addAll(List.of(settings));
        OneDoorProcess instance = new OneDoorProcess(command, logFile, port);
        instance.launch();
        return instance;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Kills the instance with SIGKILL, so nothing in it runs another line: no shutdown hooks, no rollback calls. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Starts the same instance again, on the same port, after {@link #kill()}. */
    public void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("Instance " + process.pid() + " is still running; kill it first");
        }
        launch();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private void launch() {
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start a OneDoor process: " + command, e);
        }
        awaitHttp();
    }

    private void awaitHttp() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sign-in"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The OneDoor process exited with " + process.exitValue()
                        + " while starting; see " + logFile);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the OneDoor process", e);
            }
            sleep();
        }
        process.destroyForcibly();
        throw new IllegalStateException("The OneDoor process did not answer on port " + port + " within "
                + START_TIMEOUT.toSeconds() + " seconds; see " + logFile);
    }

    /** Returns the test class path: Surefire's real one, since its own may be a jar that only names it. */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free loopback port", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the OneDoor process", e);
        }
    }
}
