package org.onedoor.timers;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Schedules and cancels durable timers. Both methods join the caller's transaction, so a timer exists exactly
 * when the change that scheduled it is committed. A background poller on every instance fires due timers (see
 * {@code onedoor.timers.poll-interval}).
 */
@Service
@Transactional
public class Timers {

    private static final Logger log = LoggerFactory.getLogger(Timers.class);

    private final JdbcClient jdbc;

    Timers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Schedules a timer that fires at {@code dueAt} or soon after. The key identifies the timer: when a timer with
     * this key exists, whatever its status, nothing changes and this returns false.
     *
     * @param kind    selects the {@link TimerHandler}, such as {@code referral-deadline}
     * @param payload text the handler reads; may be empty
     */
    public boolean schedule(String kind, String key, Instant dueAt, String payload) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(dueAt, "dueAt");
        int inserted = jdbc.sql("""
                        INSERT INTO timer (kind, timer_key, due_at, next_attempt_at, payload)
                        VALUES (:kind, :key, :dueAt, :dueAt, :payload)
                        ON CONFLICT (timer_key) DO NOTHING""")
                .param("kind", kind)
                .param("key", key)
                .param("dueAt", Timestamp.from(dueAt))
                .param("payload", payload == null ? "" : payload)
                .update();
        if (inserted == 1) {
            log.debug("Scheduled timer {} of kind {} at {}", key, kind, dueAt);
        }
        return inserted == 1;
    }

    /** Cancels a pending timer, and returns false when no pending timer has this key. */
    public boolean cancel(String key) {
        int cancelled = jdbc.sql("""
                        UPDATE timer SET status = 'CANCELLED', finished_at = now()
                        WHERE timer_key = :key AND status = 'PENDING'""")
                .param("key", key)
                .update();
        return cancelled == 1;
    }
}
