package org.onedoor.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onedoor.directory.DirectoryFixtures;
import org.onedoor.directory.DirectoryFixtures.TestPartner;
import org.onedoor.support.ApiClient;
import org.onedoor.support.OneDoorProcess;
import org.onedoor.support.TestAccounts;
import org.onedoor.webhooks.TestReceiver.Received;
import org.onedoor.webhooks.WebhookFixtures.Registered;
import org.onedoor.webhooks.internal.WebhookSender;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Kills a OneDoor process with SIGKILL while it waits for a receiver's response, and restarts it. The delivery
 * must be sent again after the dead sender's lease expires, with the same idempotency key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookSenderCrashTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path processDir;

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    WebhookSender localSender;

    @Test
    void killedSenderDeliveryIsSentAfterRestart() throws Exception {
        // Only the separate process sends in this test, so it is the one killed with a lease.
        localSender.stop();
        try (TestReceiver receiver = new TestReceiver();
             OneDoorProcess process = OneDoorProcess.start((HikariDataSource) dataSource, processDir.resolve("data"),
                     processDir.resolve("onedoor.log"), "--onedoor.webhooks.batch-size=1",
                     "--onedoor.webhooks.connect-timeout=PT1S", "--onedoor.webhooks.request-timeout=PT20S",
                     "--onedoor.webhooks.lease=PT25S")) {
            TestPartner sender = DirectoryFixtures.createPartner(jdbc);
            TestPartner receiving = DirectoryFixtures.createPartner(jdbc);
            Registered webhook = WebhookFixtures.register(
                    ApiClient.as(port, TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD),
                    receiving.partnerId(), receiver.url(), "referral.sent");
            receiver.stallNext(Duration.ofSeconds(15));

            WebhookFixtures.publish(transactions, events, WebhookFixtures.sent(sender.partnerId(), receiving.partnerId()));
            assertThat(WebhookFixtures.await(WAIT, () -> receiver.arrivals() == 1)).as("first request arrives").isTrue();
            assertThat(leaseIsLive(webhook)).as("the process holds a lease while it waits").isTrue();

            process.kill();
            process.restart();

            assertThat(WebhookFixtures.await(WAIT, () -> "DELIVERED".equals(status(webhook))))
                    .as("delivered after the lease expired").isTrue();
            List<Received> requests = receiver.received();
            assertThat(requests).hasSize(2);
            assertThat(requests.get(1).idempotencyKey()).isEqualTo(requests.get(0).idempotencyKey());
            List<String> errors = jdbc.sql("""
                            SELECT coalesce(a.error, 'HTTP ' || a.response_status) FROM webhook_attempt a
                            JOIN webhook_delivery d ON d.id = a.delivery_id
                            WHERE d.webhook_id = :id ORDER BY a.attempt_number""")
                    .param("id", webhook.id()).query(String.class).list();
            assertThat(errors).hasSize(2);
            assertThat(errors.get(0)).contains("lease expired");
            assertThat(errors.get(1)).isEqualTo("HTTP 200");
        } finally {
            localSender.start();
        }
    }

    private boolean leaseIsLive(Registered webhook) {
        return jdbc.sql("SELECT lease_expires_at > now() FROM webhook_delivery WHERE webhook_id = :id")
                .param("id", webhook.id()).query(Boolean.class).single();
    }

    private String status(Registered webhook) {
        return jdbc.sql("SELECT status FROM webhook_delivery WHERE webhook_id = :id")
                .param("id", webhook.id()).query(String.class).single();
    }
}
