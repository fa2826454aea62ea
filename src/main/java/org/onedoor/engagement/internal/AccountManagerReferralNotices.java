package org.onedoor.engagement.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import org.onedoor.notifications.Notice;
import org.onedoor.notifications.Notifications;
import org.onedoor.referrals.ReferralEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Notifies a business's account manager of every referral sent for it and every status change. The notice is written
 * in the transaction of the change, so it exists exactly when the change does. The person who made the change gets
 * no notice.
 */
@Component
class AccountManagerReferralNotices {

    private static final Logger log = LoggerFactory.getLogger(AccountManagerReferralNotices.class);

    private final AccountManagers accountManagers;
    private final Notifications notifications;
    private final JdbcClient jdbc;

    AccountManagerReferralNotices(AccountManagers accountManagers, Notifications notifications, JdbcClient jdbc) {
        this.accountManagers = accountManagers;
        this.notifications = notifications;
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ReferralEvent event) {
        if (event.kind() == ReferralEvent.Kind.FIRST_CONTACT_RECORDED) {
            return;
        }
        accountManagers.active(event.businessId()).ifPresent(manager -> {
            Set<Long> recipients = new LinkedHashSet<>(manager.memberUserIds());
            Long actor = event.actorUserId() != null ? event.actorUserId()
                    : event.kind() == ReferralEvent.Kind.SENT ? Long.valueOf(event.senderUserId()) : null;
            recipients.remove(actor);
            if (recipients.isEmpty()) {
                return;
            }
            Names names = names(event);
            String subject = event.kind() == ReferralEvent.Kind.SENT
                    ? "Referral sent for " + names.business() + " to " + names.receivingPartner()
                    : "Referral for " + names.business() + " is now " + event.status().fhirCode();
            String body = names.sendingPartner() + " referred " + names.business() + " to " + names.service() + " of "
                    + names.receivingPartner() + (event.kind() == ReferralEvent.Kind.SENT ? "."
                    : ". Its status changed from " + (event.previousStatus() == null ? "none"
                    : event.previousStatus().fhirCode()) + " to " + event.status().fhirCode() + ".")
                    + " You get this notice because you are the business's account manager.";
            notifications.notifyUsers(recipients, new Notice(subject, body, "/businesses/" + event.businessId()));
            log.info("Told account manager {} of referral {} ({} {})", manager.id(), event.referralId(), event.kind(),
                    event.status());
        });
    }

    private record Names(String business, String service, String sendingPartner, String receivingPartner) {
    }

    private Names names(ReferralEvent event) {
        return jdbc.sql("""
                        SELECT (SELECT legal_name FROM business WHERE id = :businessId) AS business,
                               (SELECT name FROM service WHERE id = :serviceId) AS service,
                               (SELECT name FROM partner WHERE id = :sending) AS sending,
                               (SELECT name FROM partner WHERE id = :receiving) AS receiving""")
                .param("businessId", event.businessId())
                .param("serviceId", event.serviceId())
                .param("sending", event.sendingPartnerId())
                .param("receiving", event.receivingPartnerId())
                .query((row, n) -> new Names(orId(row.getString("business"), "business", event.businessId()),
                        orId(row.getString("service"), "service", event.serviceId()),
                        orId(row.getString("sending"), "partner", event.sendingPartnerId()),
                        orId(row.getString("receiving"), "partner", event.receivingPartnerId())))
                .single();
    }

    private static String orId(String name, String kind, long id) {
        return name == null ? kind + " " + id : name;
    }
}
