package org.onedoor.referrals.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.onedoor.referrals.Referral;
import org.onedoor.referrals.StatusChange;
import org.onedoor.referrals.deadlines.ReferralDeadline;
import org.onedoor.referrals.internal.StatusFlow;

/**
 * A referral in the API. Statuses are FHIR Task codes such as {@code in-progress}. Partner-only members are
 * {@code null} for readers outside the two partners involved, and {@code detailsVisible} is then false.
 *
 * @param history   the timeline, oldest first; {@code null} in lists
 * @param deadlines the response and first-contact deadlines, response first, or {@code null} in lists
 */
record ReferralJson(long id, String status, List<String> allowedNext, long businessId, String businessName,
                    long serviceId, String serviceName, String categoryCode, String needCode, long sendingPartnerId,
                    String sendingPartnerName, long senderUserId, String senderName, long receivingPartnerId,
                    String receivingPartnerName, long receivingOfficeId, String receivingOfficeName,
                    Long receivingUserId, String receivingUserName, String contactName, String contactMethod,
                    String contactDetail, Instant consentGivenAt, String handOffNote,
                    LocalDate expectedFirstContactDate, Long handedOffFromId, String capacityState,
                    String reasonCode, String reasonText, String outcome, Instant firstContactAt, Instant sentAt,
                    Instant statusChangedAt, Instant closedAt, boolean detailsVisible, List<ChangeJson> history,
                    List<DeadlineJson> deadlines) {

    /** One timeline entry; {@code from} is {@code null} for the send. */
    record ChangeJson(String from, String to, String reasonCode, String reason, String reasonText, String outcome,
                      Long changedBy, String changedByName, Instant changedAt) {

        static ChangeJson of(StatusChange change) {
            return new ChangeJson(change.fromStatus() == null ? null : change.fromStatus().fhirCode(),
                    change.toStatus().fhirCode(), change.reasonCode(), change.reasonLabel(), change.reasonText(),
                    change.outcome(), change.changedBy(), change.changedByName(), change.changedAt());
        }
    }

    /**
     * One time limit. Instants are UTC.
     *
     * @param kind     {@code response} or {@code first_contact}
     * @param timeZone the receiving office's zone, in which the business days were counted
     * @param state    {@code open}, {@code overdue}, {@code met}, or {@code closed} when the referral closed unmet
     */
    record DeadlineJson(String kind, int businessDays, Instant dueAt, String timeZone, String state, Instant metAt) {

        static DeadlineJson of(ReferralDeadline deadline, Instant now) {
            return new DeadlineJson(deadline.kind().name().toLowerCase(java.util.Locale.ROOT), deadline.businessDays(),
                    deadline.dueAt(), deadline.timeZone(),
                    deadline.stateAt(now).name().toLowerCase(java.util.Locale.ROOT), deadline.metAt());
        }
    }

    static ReferralJson of(Referral r, List<StatusChange> history) {
        return of(r, history, null);
    }

    static ReferralJson of(Referral r, List<StatusChange> history, List<ReferralDeadline> deadlines) {
        Instant now = Instant.now();
        return new ReferralJson(r.id(), r.status().fhirCode(), StatusFlow.codes(StatusFlow.next(r.status())),
                r.businessId(), r.businessName(), r.serviceId(), r.serviceName(), r.categoryCode(), r.needCode(),
                r.sendingPartnerId(), r.sendingPartnerName(), r.senderUserId(), r.senderName(),
                r.receivingPartnerId(), r.receivingPartnerName(), r.receivingOfficeId(), r.receivingOfficeName(),
                r.receivingUserId(), r.receivingUserName(), r.contactName(), r.contactMethod(), r.contactDetail(),
                r.consentGivenAt(), r.handOffNote(), r.expectedFirstContactDate(), r.handedOffFromId(),
                r.capacityState(), r.reasonCode(), r.reasonText(), r.outcome(), r.firstContactAt(), r.sentAt(),
                r.statusChangedAt(), r.closedAt(), r.detailsVisible(),
                history == null ? null : history.stream().map(ChangeJson::of).toList(),
                deadlines == null ? null : deadlines.stream().map(deadline -> DeadlineJson.of(deadline, now)).toList());
    }
}
