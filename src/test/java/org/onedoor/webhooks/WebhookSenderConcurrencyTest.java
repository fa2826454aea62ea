package org.onedoor.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.support.ApiClient;
import org.onedoor.support.SecondInstance;
import org.onedoor.support.TestAccounts;
import org.onedoor.webhooks.TestReceiver.Received;
import org.onedoor.webhooks.WebhookFixtures.Registered;
import org.onedoor.webhooks.internal.WebhookSender;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;


/**
 * Two OneDoor instances on one database send the same outbox at once: this test's application is instance 1,
 * and a second application context is instance 2. Each delivery must reach the receiver exactly once, and
 * never in two overlapping requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookSenderConcurrencyTest {

    private static final int EVENTS = 40;
    private static final int THREADS_PER_INSTANCE = 3;

    @TempDir
    static Path secondDataDir;

    static ConfigurableApplicationContext second;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    WebhookSender firstSender;

    @BeforeAll
    static void startSecondInstance(@Autowired DataSource dataSource) {
        second = SecondInstance.start(dataSource, secondDataDir);
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void twoInstancesDeliverEachEventOnce() throws Exception {
        try (TestReceiver receiver = new TestReceiver()) {
            receiver.answerAfter(Duration.ofMillis(50));
            TestPartner sender = DirectoryFixtures.createPartner(jdbc);
            TestPartner receiving = DirectoryFixtures.createPartner(jdbc);
            Registered webhook = WebhookFixtures.register(
                    ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD),
                    receiving.partnerId(), receiver.url(), "referral.sent");

            // One transaction queues every event, so the senders see them all at once.
            transactions.executeWithoutResult(status -> {
                for (int i = 0; i < EVENTS; i++) {
                    events.publishEvent(WebhookFixtures.sent(sender, receiving));
                }
            });

            WebhookSender secondSender = second.getBean(WebhookSender.class);
            CyclicBarrier start = new CyclicBarrier(2 * THREADS_PER_INSTANCE);
            ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_INSTANCE);
            List<Future<Integer>> firstResults = new ArrayList<>();
            List<Future<Integer>> secondResults = new ArrayList<>();
            for (int i = 0; i < THREADS_PER_INSTANCE; i++) {
                firstResults.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return firstSender.deliverDue();
                }));
                secondResults.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return secondSender.deliverDue();
                }));
            }
            int deliveredByCalls = 0;
            for (Future<Integer> result : firstResults) {
                deliveredByCalls += result.get(60, TimeUnit.SECONDS);
            }
            int deliveredBySecond = 0;
            for (Future<Integer> result : secondResults) {
                deliveredBySecond += result.get(60, TimeUnit.SECONDS);
            }
            threads.shutdown();

            assertThat(WebhookFixtures.await(Duration.ofSeconds(20), () -> delivered(webhook) == EVENTS)).isTrue();
            Map<String, Long> requestsPerKey = receiver.received().stream()
                    .collect(Collectors.groupingBy(Received::idempotencyKey, Collectors.counting()));
            assertThat(requestsPerKey).hasSize(EVENTS);
            assertThat(requestsPerKey.values()).as("requests per event").containsOnly(1L);
            assertThat(receiver.overlappingKeys()).isEmpty();
            assertThat(deliveredByCalls + deliveredBySecond).as("delivered by the test's calls, the rest by the "
                    + "scheduled senders").isLessThanOrEqualTo(EVENTS);
            assertThat(attemptsLogged(webhook)).isEqualTo(EVENTS);
        }
    }

    private int delivered(Registered webhook) {
        return jdbc.sql("SELECT count(*) FROM webhook_delivery WHERE webhook_id = :id AND status = 'DELIVERED'")
                .param("id", webhook.id()).query(Integer.class).single();
    }

    private int attemptsLogged(Registered webhook) {
        return jdbc.sql("""
                        SELECT count(*) FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id
                        WHERE d.webhook_id = :id""")
                .param("id", webhook.id()).query(Integer.class).single();
    }
}
