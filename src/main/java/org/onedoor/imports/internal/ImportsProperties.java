package org.onedoor.imports.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the background import worker.
 *
 * @param workerEnabled whether this instance runs import jobs; instances that share a database may all run them
 * @param pollInterval time between looks at the job queue when it is empty
 * @param heartbeatInterval time between heartbeats of a running job
 * @param staleAfter time without a heartbeat after which a running job counts as left by a stopped instance and
 *                   is claimed again. Keep it well above the heartbeat interval.
 */
@ConfigurationProperties("onedoor.imports")
public record ImportsProperties(Boolean workerEnabled, Duration pollInterval, Duration heartbeatInterval,
                                Duration staleAfter) {

    public ImportsProperties {
        if (workerEnabled == null) {
            workerEnabled = true;
        }
        if (pollInterval == null) {
            pollInterval = Duration.ofSeconds(1);
        }
        if (heartbeatInterval == null) {
            heartbeatInterval = Duration.ofSeconds(5);
        }
        if (staleAfter == null) {
            staleAfter = Duration.ofMinutes(1);
        }
    }
}
