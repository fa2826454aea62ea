package org.onedoor.directory.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.support.ApiClient;
import org.onedoor.support.SecondInstance;
import org.onedoor.support.TestAccounts;
import org.onedoor.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;


/**
 * Server-sent capacity events across two OneDoor instances on one database: this test's application is
 * instance 1, and a second application context with its own random port is instance 2.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CapacityEventsTest {

    private static final long WAIT_SECONDS = 10;

    @TempDir
    static Path secondDataDir;

    static ConfigurableApplicationContext second;
    static int secondPort;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestPartner partner;
    HttpResponse<Stream<String>> stream;
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

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

    @BeforeEach
    void subscribeToFirstInstance() throws InterruptedException {
        partner = DirectoryFixtures.createPartner(jdbc);
        WebSession session = WebSession.signIn(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        stream = session.openLines("/events/capacity");
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        Thread reader = new Thread(() -> {
            try {
                stream.body().forEach(lines::add);
            } catch (RuntimeException e) {
                // The stream was closed at the end of the test.
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        assertThat(lines.poll(WAIT_SECONDS, TimeUnit.SECONDS)).as("the stream starts at once").isNotNull();
    }

    @AfterEach
    void closeStream() {
        stream.body().close();
    }

    @Test
    void updateOnSecondInstanceReachesFirst() throws InterruptedException {
        HttpResponse<String> put = ApiClient.as(secondPort, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD)
                .putJson("/api/v1/services/" + partner.serviceId() + "/capacity",
                        CapacityFixtures.figures("SLOTS", 2, 4, "P7D"));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        assertThat(awaitData("{\"serviceId\":" + partner.serviceId() + "}"))
                .as("event for service %d within %d seconds", partner.serviceId(), WAIT_SECONDS).isTrue();
    }

    @Test
    void listenerReconnectsAfterConnectionLoss() throws InterruptedException {
        int terminated = jdbc.sql("""
                        SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity
                        WHERE application_name = 'onedoor-capacity-listener'""")
                .query(Integer.class).single();
        assertThat(terminated).as("both instances' listening sessions").isEqualTo(2);

        assertThat(awaitData("{\"serviceId\":null}")).as("a resynchronisation event after reconnecting").isTrue();
        jdbc.sql("""
                        INSERT INTO service_capacity (service_id, unit, maximum_units, available_units, updated_by)
                        VALUES (:id, 'HOURS', 10, 5, 'Test')""")
                .param("id", partner.serviceId()).update();

        assertThat(awaitData("{\"serviceId\":" + partner.serviceId() + "}")).isTrue();
    }

    @Test
    void streamNeedsSignIn() {
        HttpResponse<String> response = ApiClient.anonymous(port).get("/events/capacity");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    /** Waits for a {@code data:} line with this content, skipping comments and other events. */
    private boolean awaitData(String data) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line != null && line.equals("data:" + data)) {
                return true;
            }
        }
        return false;
    }
}
