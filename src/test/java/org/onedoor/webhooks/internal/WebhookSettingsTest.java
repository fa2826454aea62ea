package org.onedoor.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The retry schedule: doubling from the first delay, capped, with equal jitter. */
class WebhookSettingsTest {

    private final WebhookSettings settings = new WebhookSettings(true, null, null, null, null, null, null,
            Duration.ofSeconds(30), Duration.ofMinutes(10));

    @Test
    void delayDoublesWithinJitterBounds() {
        long[] expectedSeconds = {30, 60, 120, 240, 480, 600, 600};
        for (int failures = 1; failures <= expectedSeconds.length; failures++) {
            Duration full = Duration.ofSeconds(expectedSeconds[failures - 1]);
            for (int sample = 0; sample < 200; sample++) {
                Duration delay = settings.retryDelay(failures);
                assertThat(delay).as("failure %d", failures).isBetween(full.dividedBy(2), full);
            }
        }
    }

    @Test
    void delayIsCappedForManyFailures() {
        assertThat(settings.retryDelay(1000)).isLessThanOrEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void leaseShorterThanBatchIsRejected() {
        assertThatThrownBy(() -> new WebhookSettings(true, null, 10, Duration.ofSeconds(5), Duration.ofSeconds(15),
                Duration.ofMinutes(1), null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("onedoor.webhooks.lease");
    }
}
