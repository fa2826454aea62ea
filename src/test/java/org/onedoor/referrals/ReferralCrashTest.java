package org.onedoor.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.support.ApiClient;
import org.onedoor.support.OneDoorProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Kills one of two OneDoor instances with SIGKILL in the middle of a burst of 500 referral sends to a service with
 * 10 units, then starts it again. No hold may be left behind by a send the kill cut short. Every sent referral
 * must have exactly one webhook delivery in the outbox, and each delivery must belong to a referral that exists.
 * After the restart, every delivery must reach the partner's receiver. This test's application is instance 1; the
 * killed instance runs in its own JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReferralCrashTest {

    private static final int SENDS = 500;
    private static final int UNITS = 10;
    private static final int KILL_AFTER_RESPONSES = 60;
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(90);

    @TempDir
    Path folder;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    BusinessRegistry registry;

    @Autowired
    UserAccounts accounts;

    HttpServer receiver;
    final Set<String> receivedEvents = ConcurrentHashMap.newKeySet();

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void killMidBurstKeepsHoldsAndEvents() throws Exception {
        startReceiver();
        ReferralFixtures.Pair pair = ReferralFixtures.pair(jdbc);
        long serviceId = ReferralFixtures.service(jdbc, pair.receiver().partnerId(), "training", UNITS, UNITS);
        jdbc.sql("""
                        INSERT INTO webhook (partner_id, url, event_types, secret, created_by, updated_by)
                        VALUES (:partner, :url, ARRAY['referral.sent'], :secret, 'Crash test', 'Crash test')""")
                .param("partner", pair.receiver().partnerId())
                .param("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/events")
                .param("secret", "crash-test-secret-0123456789abcdefghijklmnop")
                .update();
        UserAccount sender = ReferralFixtures.account(accounts, Role.STAFF, pair.senderPartnerId());
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < SENDS; i++) {
            bodies.add(ReferralFixtures.complete(ReferralFixtures.business(registry, jdbc), serviceId,
                    pair.receiver().officeId()));
        }

        try (OneDoorProcess other = OneDoorProcess.start((HikariDataSource) dataSource, folder.resolve("data"),
                folder.resolve("instance-2.log"), "--onedoor.webhooks.batch-size=1", "--onedoor.webhooks.connect-timeout=PT1S",
                "--onedoor.webhooks.request-timeout=PT2S", "--onedoor.webhooks.lease=PT4S")) {
            List<ApiClient> instances = List.of(ReferralFixtures.api(port, sender),
                    ReferralFixtures.api(other.port(), sender));
            Map<String, Integer> outcomes = burst(instances, bodies, other);
            other.restart();

            long referrals = jdbc.sql("SELECT count(*) FROM referral WHERE service_id = :id")
                    .param("id", serviceId).query(Long.class).single();
            assertThat(outcomes.getOrDefault("sent", 0)).as("sends answered 201: %s", outcomes)
                    .isLessThanOrEqualTo((int) referrals);
            assertThat(referrals).as("referrals that own a unit: %s", outcomes).isBetween(1L, (long) UNITS);
            assertThat(ReferralInvariants.violations(jdbc, serviceId)).as("counts equal the referrals").isEmpty();
            assertThat(jdbc.sql("""
                            SELECT available_units + held_units + used_units FROM service_capacity
                            WHERE service_id = :id""")
                    .param("id", serviceId).query(Integer.class).single())
                    .as("no unit lost to a send the kill cut short").isEqualTo(UNITS);

            assertThat(jdbc.sql("""
                            SELECT count(*) FROM referral r WHERE r.service_id = :id AND
                                (SELECT count(*) FROM webhook_delivery d
                                 WHERE d.referral_id = r.id AND d.event_type = 'referral.sent') <> 1""")
                    .param("id", serviceId).query(Long.class).single())
                    .as("referrals without exactly one delivery in the outbox").isZero();
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM webhook_delivery d
                            WHERE NOT EXISTS (SELECT 1 FROM referral r WHERE r.id = d.referral_id)""")
                    .query(Long.class).single())
                    .as("deliveries without their referral").isZero();

            List<String> eventIds = jdbc.sql("""
                            SELECT d.event_id::text FROM webhook_delivery d JOIN referral r ON r.id = d.referral_id
                            WHERE r.service_id = :id""")
                    .param("id", serviceId).query(String.class).list();
            assertThat(eventIds).hasSize((int) referrals);
            Instant deadline = Instant.now().plus(DELIVERY_WAIT);
            while (!receivedEvents.containsAll(eventIds) && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            assertThat(receivedEvents).as("every delivery reached the receiver after the restart")
                    .containsAll(eventIds);
        }
    }

    /** Sends every body, alternating instances, and kills the second instance once some sends got a response. */
    private Map<String, Integer> burst(List<ApiClient> instances, List<String> bodies, OneDoorProcess other)
            throws Exception {
        AtomicInteger answered = new AtomicInteger();
        CountDownLatch killNow = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(32);
        Map<String, Integer> outcomes = new TreeMap<>();
        try {
            List<Future<String>> sends = new ArrayList<>();
            for (int i = 0; i < bodies.size(); i++) {
                ApiClient instance = instances.get(i % 2);
                String body = bodies.get(i);
                sends.add(clients.submit(() -> {
                    try {
                        HttpResponse<String> response = ReferralFixtures.post(instance, "/api/v1/referrals", body);
                        return response.statusCode() == 201 ? "sent" : String.valueOf(response.statusCode());
                    } catch (IllegalStateException e) {
                        return "connection lost";
                    } finally {
                        if (answered.incrementAndGet() == KILL_AFTER_RESPONSES) {
                            killNow.countDown();
                        }
                    }
                }));
            }
            assertThat(killNow.await(2, TimeUnit.MINUTES)).as("sends answered before the kill").isTrue();
            other.kill();
            for (Future<String> send : sends) {
                outcomes.merge(send.get(2, TimeUnit.MINUTES), 1, Integer::sum);
            }
        } finally {
            clients.shutdownNow();
        }
        return outcomes;
    }

    private void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/events", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (key != null) {
                receivedEvents.add(key);
            }
            byte[] reply = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.start();
    }
}
