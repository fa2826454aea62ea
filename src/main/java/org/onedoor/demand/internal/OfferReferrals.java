package org.onedoor.demand.internal;

import org.onedoor.referrals.ReferralEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores a sent referral on the accepted offer it follows: the newest accepted offer with a referral follow-up for
 * the same business and service, and the same need when the referral names one, that has no referral yet. Runs in
 * the transaction that sends the referral.
 */
@Component
class OfferReferrals {

    private static final Logger log = LoggerFactory.getLogger(OfferReferrals.class);

    private final JdbcClient jdbc;

    OfferReferrals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void referralSent(ReferralEvent event) {
        if (event.kind() != ReferralEvent.Kind.SENT) {
            return;
        }
        int linked = jdbc.sql("""
                        UPDATE need_offer SET referral_id = :referralId
                        WHERE id = (SELECT o.id
                                    FROM need_offer o
                                    JOIN need_offer_service os ON os.offer_id = o.id
                                    JOIN business_need n ON n.id = o.need_id
                                    WHERE o.business_id = :businessId AND os.service_id = :serviceId
                                      AND o.answer = 'ACCEPTED' AND o.follow_up = 'REFERRAL'
                                      AND o.referral_id IS NULL
                                      AND (CAST(:needCode AS text) IS NULL OR n.need_code = :needCode)
                                    ORDER BY o.recorded_at DESC, o.id DESC
                                    LIMIT 1)""")
                .param("referralId", event.referralId())
                .param("businessId", event.businessId())
                .param("serviceId", event.serviceId())
                .param("needCode", event.needCode())
                .update();
        if (linked > 0) {
            log.info("Referral {} of business {} to service {} stored on its accepted offer", event.referralId(),
                    event.businessId(), event.serviceId());
        }
    }
}
