package org.onedoor.referrals.internal;

import java.time.Instant;

import org.onedoor.notifications.Notice;
import org.onedoor.notifications.Notifications;
import org.onedoor.referrals.Referral;
import org.onedoor.referrals.ReferralEvent;
import org.onedoor.referrals.ReferralStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes a {@link ReferralEvent} and notifies the other side, inside the caller's transaction: the receiving
 * partner's staff on send, the sender on each later change.
 */
@Component
class ReferralNotices {

    private final ApplicationEventPublisher events;
    private final Notifications notifications;

    ReferralNotices(ApplicationEventPublisher events, Notifications notifications) {
        this.events = events;
        this.notifications = notifications;
    }

    void sent(Referral referral, long actorUserId) {
        events.publishEvent(event(referral, ReferralEvent.Kind.SENT, null, actorUserId));
        notifications.notifyPartnerStaff(referral.receivingPartnerId(), new Notice(
                "New referral: " + referral.businessName() + " for " + referral.serviceName(),
                referral.sendingPartnerName() + " referred " + referral.businessName() + " to "
                        + referral.serviceName() + ". Receive it and accept or decline it in your referral inbox.",
                link(referral)));
    }

    void statusChanged(Referral referral, ReferralStatus previous, Long actorUserId) {
        events.publishEvent(event(referral, ReferralEvent.Kind.STATUS_CHANGED, previous, actorUserId));
        notifications.notifyUsers(java.util.List.of(referral.senderUserId()), new Notice(
                "Referral " + referral.status().fhirCode() + ": " + referral.businessName() + " for "
                        + referral.serviceName(),
                "The referral of " + referral.businessName() + " to " + referral.serviceName() + " at "
                        + referral.receivingPartnerName() + " changed from " + previous.fhirCode() + " to "
                        + referral.status().fhirCode() + ".",
                link(referral)));
    }

    void firstContactRecorded(Referral referral, long actorUserId) {
        events.publishEvent(event(referral, ReferralEvent.Kind.FIRST_CONTACT_RECORDED, referral.status(),
                actorUserId));
        notifications.notifyUsers(java.util.List.of(referral.senderUserId()), new Notice(
                "First contact made: " + referral.businessName(),
                referral.receivingPartnerName() + " recorded its first contact with " + referral.businessName()
                        + " for " + referral.serviceName() + ".",
                link(referral)));
    }

    private static ReferralEvent event(Referral referral, ReferralEvent.Kind kind, ReferralStatus previous,
                                       Long actorUserId) {
        return new ReferralEvent(referral.id(), kind, referral.status(), previous, referral.businessId(),
                referral.serviceId(), referral.needCode(), referral.sendingPartnerId(),
                referral.receivingPartnerId(), referral.receivingOfficeId(), referral.senderUserId(), actorUserId,
                Instant.now());
    }

    private static String link(Referral referral) {
        return "/referrals/" + referral.id();
    }
}
