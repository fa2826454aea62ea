package org.onedoor.timers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onedoor.OneDoorApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Durable timers on one database shared by OneDoor instances: this test's context schedules timers, and extra
 * application contexts in the same JVM, each with its own connection pool and poller, fire them.
 */
@SpringBootTest
class TimersTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDirs;

    static HikariDataSource database;
    static ConfigurableApplicationContext instanceA;
    static ConfigurableApplicationContext instanceB;

    @Autowired
    Timers timers;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startInstances(@Autowired DataSource dataSource, @Autowired JdbcClient jdbc) {
        database = (HikariDataSource) dataSource;
        jdbc.sql("CREATE TABLE IF NOT EXISTS test_timer_firing (timer_key text NOT NULL, instance text NOT NULL)").update();
        instanceA = start("A", false);
        instanceB = start("B", false);
    }

    @AfterAll
    static void stopInstances() {
        if (instanceA != null) {
            instanceA.close();
        }
        if (instanceB != null) {
            instanceB.close();
        }
    }

    private static ConfigurableApplicationContext start(String name, boolean restartHandler) {
        return new SpringApplicationBuilder(OneDoorApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database.getJdbcUrl(),
                "--spring.datasource.username=" + database.getUsername(),
                "--spring.datasource.password=",
                "--onedoor.data-dir=" + dataDirs.resolve(name + "-" + UUID.randomUUID()),
                "--onedoor.timers.poll-interval=100ms",
                "--onedoor.test.timer-instance=" + name,
                "--onedoor.test.restart-handler=" + restartHandler);
    }

    @Test
    void twoInstancesFireEachTimerOnce() {
        String prefix = "count-" + UUID.randomUUID() + "-";
        int count = 60;
        for (int i = 0; i < count; i++) {
            timers.schedule(TestTimerHandlers.COUNTING, prefix + i, Instant.now(), "");
        }

        awaitTrue(() -> pending(prefix) == 0);

        List<Map<String, Object>> perKey = jdbc.sql("""
                        SELECT timer_key, count(*) AS firings FROM test_timer_firing
                        WHERE timer_key LIKE :prefix GROUP BY timer_key""")
                .param("prefix", prefix + "%")
                .query().listOfRows();
        assertThat(perKey).hasSize(count);
        assertThat(perKey).allSatisfy(row -> assertThat(row.get("firings")).as("firings of %s", row.get("timer_key")).isEqualTo(1L));
        assertThat(statusCount(prefix, "FIRED")).isEqualTo(count);
        List<String> instances = jdbc.sql("SELECT DISTINCT instance FROM test_timer_firing WHERE timer_key LIKE :prefix ORDER BY instance")
                .param("prefix", prefix + "%")
                .query(String.class).list();
        assertThat(instances).as("both instances claimed timers").containsExactly("A", "B");
    }

    @Test
    void scheduleIsIdempotentPerKey() {
        String key = "idempotent-" + UUID.randomUUID();
        Instant later = Instant.now().plus(Duration.ofDays(1));

        assertThat(timers.schedule(TestTimerHandlers.COUNTING, key, later, "first")).isTrue();
        assertThat(timers.schedule(TestTimerHandlers.COUNTING, key, Instant.now(), "second")).isFalse();

        Map<String, Object> row = jdbc.sql("SELECT payload, status FROM timer WHERE timer_key = :key")
                .param("key", key).query().singleRow();
        assertThat(row.get("payload")).isEqualTo("first");
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat(timers.cancel(key)).isTrue();
        assertThat(timers.cancel(key)).isFalse();
    }

    @Test
    void cancelledTimerNeverFires() throws InterruptedException {
        String key = "cancelled-" + UUID.randomUUID();
        timers.schedule(TestTimerHandlers.COUNTING, key, Instant.now().plusSeconds(1), "");
        timers.cancel(key);

        Thread.sleep(2_000);

        assertThat(firings(key)).isZero();
        assertThat(status(key)).isEqualTo("CANCELLED");
    }

    @Test
    void failingHandlerRollsBackAndRetriesLater() {
        String key = "failing-" + UUID.randomUUID();
        Instant scheduledAt = Instant.now();
        timers.schedule(TestTimerHandlers.FAILING, key, scheduledAt, "");

        awaitTrue(() -> attempts(key) >= 1);

        Map<String, Object> row = jdbc.sql("SELECT status, attempts, last_error, next_attempt_at FROM timer WHERE timer_key = :key")
                .param("key", key).query().singleRow();
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat((String) row.get("last_error")).contains("failed on purpose");
        // The first retry waits a minute by default, so the test ends long before a second attempt.
        assertThat(((java.sql.Timestamp) row.get("next_attempt_at")).toInstant())
                .isAfter(scheduledAt.plusSeconds(50));
        assertThat(firings(key)).as("the handler's insert is rolled back").isZero();
    }

    @Test
    void pendingTimerFiresAfterRestart() {
        ConfigurableApplicationContext first = start("before-restart", true);
        String key = "restart-" + UUID.randomUUID();
        first.getBean(Timers.class).schedule(TestTimerHandlers.RESTART, key, Instant.now().plusSeconds(2), "");
        first.close();

        sleep(Duration.ofSeconds(3));
        assertThat(status(key)).as("no running instance handles this kind").isEqualTo("PENDING");

        ConfigurableApplicationContext second = start("after-restart", true);
        try {
            awaitTrue(() -> "FIRED".equals(status(key)));
            assertThat(jdbc.sql("SELECT instance FROM test_timer_firing WHERE timer_key = :key")
                    .param("key", key).query(String.class).list()).containsExactly("after-restart");
        } finally {
            second.close();
        }
    }

    private long pending(String prefix) {
        return statusCount(prefix, "PENDING");
    }

    private long statusCount(String prefix, String status) {
        return jdbc.sql("SELECT count(*) FROM timer WHERE timer_key LIKE :prefix AND status = :status")
                .param("prefix", prefix + "%").param("status", status).query(Long.class).single();
    }

    private String status(String key) {
        return jdbc.sql("SELECT status FROM timer WHERE timer_key = :key").param("key", key).query(String.class).single();
    }

    private int attempts(String key) {
        return jdbc.sql("SELECT attempts FROM timer WHERE timer_key = :key").param("key", key).query(Integer.class).single();
    }

    private long firings(String key) {
        return jdbc.sql("SELECT count(*) FROM test_timer_firing WHERE timer_key = :key").param("key", key).query(Long.class).single();
    }

    private static void awaitTrue(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition within %s", WAIT).isBefore(deadline);
            sleep(Duration.ofMillis(100));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
