package org.onedoor.timers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Timer handlers for {@link TimersTest}, present only in the extra instances that test starts (property
 * {@code onedoor.test.timer-instance}), so the shared test context never claims these kinds. Each firing is
 * written to {@code test_timer_firing} in the timer's transaction, with the name of the instance that ran it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("onedoor.test.timer-instance")
class TestTimerHandlers {

    static final String COUNTING = "test-counting";
    static final String FAILING = "test-failing";
    static final String RESTART = "test-restart";

    @Bean
    TimerHandler countingHandler(JdbcClient jdbc, @Value("${onedoor.test.timer-instance}") String instance) {
        return new RecordingHandler(COUNTING, jdbc, instance, false);
    }

    @Bean
    TimerHandler failingHandler(JdbcClient jdbc, @Value("${onedoor.test.timer-instance}") String instance) {
        return new RecordingHandler(FAILING, jdbc, instance, true);
    }

    /** Only the instances of the restart test run this kind, so the two long-running instances never take it. */
    @Bean
    @ConditionalOnProperty("onedoor.test.restart-handler")
    TimerHandler restartHandler(JdbcClient jdbc, @Value("${onedoor.test.timer-instance}") String instance) {
        return new RecordingHandler(RESTART, jdbc, instance, false);
    }

    private record RecordingHandler(String kind, JdbcClient jdbc, String instance, boolean fail) implements TimerHandler {

        @Override
        public void handle(Timer timer) {
            jdbc.sql("INSERT INTO test_timer_firing (timer_key, instance) VALUES (:key, :instance)")
                    .param("key", timer.key())
                    .param("instance", instance)
                    .update();
            try {
                // Holds the claim a moment, so the other instance polls while this one is busy.
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (fail) {
                throw new IllegalStateException("Test handler failed on purpose for " + timer.key());
            }
        }
    }
}
