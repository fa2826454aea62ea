package org.onedoor.businesses.internal.merge;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the background duplicate scan.
 *
 * @param workerEnabled whether this instance runs scan jobs; instances that share a database may all run them
 * @param pollInterval time between looks for a queued scan when none is running
 * @param batchSize businesses checked per transaction; progress is saved after each batch
 * @param staleAfter time without progress after which a running scan counts as left by a stopped instance and is
 *                   claimed again. Keep it well above the time one batch takes.
 * @param maxAttempts claims after which a scan that keeps stopping is marked FAILED instead of resumed again
 */
@ConfigurationProperties("onedoor.duplicate-scan")
public record DuplicateScanProperties(Boolean workerEnabled, Duration pollInterval, Integer batchSize,
                                      Duration staleAfter, Integer maxAttempts) {

    public DuplicateScanProperties {
        if (workerEnabled == null) {
            workerEnabled = true;
        }
        if (pollInterval == null) {
            pollInterval = Duration.ofSeconds(2);
        }
        if (batchSize == null) {
            batchSize = 200;
        }
        if (staleAfter == null) {
            staleAfter = Duration.ofMinutes(2);
        }
        if (maxAttempts == null) {
            maxAttempts = 3;
        }
    }
}
