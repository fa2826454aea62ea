package org.onedoor.timers.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onedoor.timers.Timer;
import org.onedoor.timers.TimerHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires due timers. Each timer is claimed with {@code SELECT ... FOR UPDATE SKIP LOCKED}, and its handler runs and
 * the timer is marked fired in that same transaction. Another instance skips the locked row and, once this
 * transaction commits, no longer finds it pending, so each timer fires once. The handler runs inside a savepoint:
 * when it throws, only its own writes roll back, and the claiming transaction records the failure and the time
 * of the next attempt before it releases the row.
 */
@Component
public class TimerPoller {

    private static final Logger log = LoggerFactory.getLogger(TimerPoller.class);

    /** Timers fired in one poll at most, so that one poll ends soon and other scheduled work can run. */
    private static final int MAX_PER_POLL = 200;

    private final JdbcClient jdbc;
    private final Map<String, TimerHandler> handlers = new HashMap<>();
    /** The kinds this instance has handlers for. It claims only those, so that during a rolling upgrade an older
     * instance leaves a new kind of timer to the instances that can run it. */
    private final String[] kinds;
    private final TransactionTemplate claim;
    private final TransactionTemplate savepoint;
    private final int maxAttempts;
    private final Duration firstRetryDelay;
    private final Duration maxRetryDelay;

    TimerPoller(JdbcClient jdbc, List<TimerHandler> handlers, PlatformTransactionManager transactions,
                @Value("${onedoor.timers.max-attempts:10}") int maxAttempts,
                @Value("${onedoor.timers.first-retry-delay:PT1M}") Duration firstRetryDelay,
                @Value("${onedoor.timers.max-retry-delay:PT1H}") Duration maxRetryDelay) {
        this.jdbc = jdbc;
        for (TimerHandler handler : handlers) {
            TimerHandler previous = this.handlers.put(handler.kind(), handler);
            if (previous != null) {
                throw new IllegalStateException("Two timer handlers run the kind '" + handler.kind() + "': "
                        + previous.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
        this.kinds = this.handlers.keySet().toArray(String[]::new);
        this.claim = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.maxAttempts = maxAttempts;
        this.firstRetryDelay = firstRetryDelay;
        this.maxRetryDelay = maxRetryDelay;
    }

    @Scheduled(initialDelayString = "${onedoor.timers.poll-interval:PT10S}",
            fixedDelayString = "${onedoor.timers.poll-interval:PT10S}")
    void pollScheduled() {
        try {
            fireDue();
        } catch (RuntimeException e) {
            // A lost database connection must not stop the schedule, because the next poll tries again.
            log.error("Polling for due timers failed", e);
        }
    }

    /** Fires the timers that are due now, one transaction each, and returns how many fired. */
    public int fireDue() {
        int fired = 0;
        for (int i = 0; i < MAX_PER_POLL; i++) {
            Optional<Boolean> outcome = claim.execute(status -> fireNext());
            if (outcome == null || outcome.isEmpty()) {
                break;
            }
            if (outcome.get()) {
                fired++;
            }
        }
        return fired;
    }

    /** Returns the wait before the next attempt after {@code failedAttempts} failures: doubling, capped. */
    Duration retryDelay(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration delay = firstRetryDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }

    /** Claims and runs one due timer; returns empty when none is due, else whether it fired. */
    private Optional<Boolean> fireNext() {
        if (handlers.isEmpty()) {
            return Optional.empty();
        }
        Optional<Timer> claimed = jdbc.sql("""
                        SELECT id, kind, timer_key AS key, due_at, payload, attempts FROM timer
                        WHERE status = 'PENDING' AND next_attempt_at <= now() AND kind = ANY(:kinds)
                        ORDER BY next_attempt_at, id
                        LIMIT 1
                        FOR UPDATE SKIP LOCKED""")
                .param("kinds", kinds)
                .query(Timer.class)
                .optional();
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        Timer timer = claimed.get();

        try {
            savepoint.executeWithoutResult(status -> run(timer));
            return Optional.of(true);
        } catch (RuntimeException e) {
            recordFailure(timer, e);
            return Optional.of(false);
        }
    }

    private void run(Timer timer) {
        handlers.get(timer.kind()).handle(timer);
        jdbc.sql("UPDATE timer SET status = 'FIRED', attempts = attempts + 1, finished_at = now() WHERE id = :id")
                .param("id", timer.id())
                .update();
    }

    private void recordFailure(Timer timer, RuntimeException error) {
        int failures = timer.attempts() + 1;
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        if (failures >= maxAttempts) {
            jdbc.sql("""
                            UPDATE timer SET status = 'FAILED', attempts = :attempts, last_error = :error,
                                             finished_at = now()
                            WHERE id = :id""")
                    .param("attempts", failures)
                    .param("error", message)
                    .param("id", timer.id())
                    .update();
            log.error("Timer {} ({} {}) failed {} times and will not be retried: {}", timer.id(), timer.kind(),
                    timer.key(), failures, message, error);
            return;
        }
        Instant next = Instant.now().plus(retryDelay(failures));
        jdbc.sql("""
                        UPDATE timer SET attempts = :attempts, last_error = :error, next_attempt_at = :next
                        WHERE id = :id""")
                .param("attempts", failures)
                .param("error", message)
                .param("next", Timestamp.from(next))
                .param("id", timer.id())
                .update();
        log.warn("Timer {} ({} {}) failed on attempt {}, retrying at {}: {}", timer.id(), timer.kind(), timer.key(),
                failures, next, message);
    }
}
