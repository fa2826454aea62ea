package org.onedoor.referrals.internal;

import java.util.List;

import org.onedoor.referrals.Referral;
import org.onedoor.referrals.ReferralStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fails referrals left unanswered (requested or received) longer than {@code onedoor.referrals.expire-after},
 * with reason {@code expired}, and releases their held units. Instances that share a database each sweep: a
 * batch claims its rows with {@code FOR UPDATE SKIP LOCKED}, and each change is the same conditional update that
 * staff changes use, so a referral expires exactly once.
 */
@Service
public class ReferralExpiry {

    private static final Logger log = LoggerFactory.getLogger(ReferralExpiry.class);

    /** Referrals expired per transaction, so one sweep never holds many row locks for long. */
    static final int BATCH_SIZE = 50;

    private final JdbcClient jdbc;
    private final ReferralStore store;
    private final StatusChanges statusChanges;
    private final TransactionTemplate transactions;
    private final ReferralProperties properties;

    ReferralExpiry(JdbcClient jdbc, ReferralStore store, StatusChanges statusChanges, TransactionTemplate transactions,
                   ReferralProperties properties) {
        this.jdbc = jdbc;
        this.store = store;
        this.statusChanges = statusChanges;
        this.transactions = transactions;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "${onedoor.referrals.expiry-sweep:PT10M}",
            fixedDelayString = "${onedoor.referrals.expiry-sweep:PT10M}")
    void sweepScheduled() {
        try {
            int expired = expireOverdue();
            if (expired > 0) {
                log.info("Expiry sweep failed {} unanswered referrals with reason expired", expired);
            }
        } catch (RuntimeException e) {
            log.warn("Expiry sweep failed and runs again in {}", properties.expirySweep(), e);
        }
    }

    /** Expires every overdue referral in batches and returns how many this call expired. */
    public int expireOverdue() {
        int total = 0;
        while (true) {
            Integer expired = transactions.execute(status -> expireBatch());
            total += expired == null ? 0 : expired;
            if (expired == null || expired < BATCH_SIZE) {
                return total;
            }
        }
    }

    private int expireBatch() {
        List<Long> ids = jdbc.sql("""
                        SELECT id FROM referral
                        WHERE status IN ('REQUESTED', 'RECEIVED')
                          AND sent_at < now() - make_interval(secs => :seconds)
                        ORDER BY sent_at, id
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""")
                .param("seconds", (double) properties.expireAfter().toSeconds())
                .param("limit", BATCH_SIZE)
                .query(Long.class)
                .list();
        for (long id : ids) {
            Referral referral = store.find(id).orElseThrow();
            statusChanges.transition(referral, ReferralStatus.FAILED, StatusFlow.EXPIRED,
                    "No response within " + describe(properties.expireAfter()) + " of sending.", null, null);
        }
        return ids.size();
    }

    private static String describe(java.time.Duration limit) {
        long days = limit.toDays();
        if (days >= 1 && limit.equals(java.time.Duration.ofDays(days))) {
            return days == 1 ? "1 day" : days + " days";
        }
        return limit.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
