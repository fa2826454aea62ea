package org.onedoor.referrals.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the referral flow.
 *
 * @param expireAfter  time after sending after which a referral still requested or received fails with reason
 *                     {@code expired} (30 days unless set)
 * @param expirySweep  time between two expiry sweeps of one instance (10 minutes unless set)
 */
@ConfigurationProperties("onedoor.referrals")
public record ReferralProperties(Duration expireAfter, Duration expirySweep) {

    public ReferralProperties {
        if (expireAfter == null) {
            expireAfter = Duration.ofDays(30);
        }
        if (expirySweep == null) {
            expirySweep = Duration.ofMinutes(10);
        }
    }
}
