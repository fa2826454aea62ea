package org.onedoor.referrals;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One referral as its readers see it. For readers outside the two partners involved, {@link #restricted()} leaves
 * out the partner-only details: the contact, the consent, the hand-off note, reason texts and the outcome.
 *
 * @param needCode            a need code of the eligibility module's need list, such as {@code HIRE}
 * @param contactMethod       {@code EMAIL}, {@code PHONE}, {@code TEXT}, {@code MAIL} or {@code IN_PERSON}
 * @param contactDetail       the email address or phone number for the method, as the profile had it at send
 * @param capacityState       {@code HELD}, {@code USED} or {@code RELEASED}: the capacity unit the referral owns
 * @param detailsVisible      false when the partner-only details were left out for this reader
 */
public record Referral(long id, long businessId, String businessName, long serviceId, String serviceName,
                       String categoryCode, String categoryName, String needCode, long sendingPartnerId,
                       String sendingPartnerName, long senderUserId, String senderName, long receivingPartnerId,
                       String receivingPartnerName, long receivingOfficeId, String receivingOfficeName,
                       String receivingOfficeTimeZone, Long receivingUserId, String receivingUserName,
                       String contactName, String contactMethod, String contactDetail, Instant consentGivenAt,
                       String handOffNote, LocalDate expectedFirstContactDate, Long handedOffFromId,
                       ReferralStatus status, String capacityState, String reasonCode, String reasonText,
                       String outcome, Instant firstContactAt, Instant sentAt, Instant statusChangedAt,
                       Instant closedAt, boolean detailsVisible) {

    /** Returns this referral without the details that only the two partners involved may read. */
    public Referral restricted() {
        return new Referral(id, businessId, businessName, serviceId, serviceName, categoryCode, categoryName, needCode,
                sendingPartnerId, sendingPartnerName, senderUserId, senderName, receivingPartnerId,
                receivingPartnerName, receivingOfficeId, receivingOfficeName, receivingOfficeTimeZone, null, null,
                null, null, null, null, null, null, handedOffFromId, status, capacityState, reasonCode, null, null,
                firstContactAt, sentAt, statusChangedAt, closedAt, false);
    }

    /** Tells whether the user belongs to the sending or the receiving partner. */
    public boolean involves(Long partnerId) {
        return partnerId != null && (partnerId == sendingPartnerId || partnerId == receivingPartnerId);
    }
}
