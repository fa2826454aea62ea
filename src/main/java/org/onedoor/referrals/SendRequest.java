package org.onedoor.referrals;

import java.time.LocalDate;

/**
 * A request to refer a business to a service. Every element is optional here; the receiving area's
 * {@link QualityStandard} decides which must be given.
 *
 * @param needCode              a need code such as {@code HIRE}; without it, the first need whose employer service
 *                              categories include the service's category
 * @param contactId             a contact of the business; without it, the business's only contact when it has one
 * @param contactMethod         how the contact prefers to be reached; without it, the method the profile records
 * @param consentGiven          true when the business agreed to share its profile with the receiving partner
 * @param receivingOfficeId     an office of the receiving partner; without it, the service's delivering office
 * @param receivingUserId       a named person at the receiving partner
 * @param handOffFromReferralId an open referral of the same business that this one replaces; it is cancelled with
 *                              reason {@code handed_off} in the same transaction
 */
public record SendRequest(Long businessId, Long serviceId, String needCode, Long contactId, String contactMethod,
                          Boolean consentGiven, Long receivingOfficeId, Long receivingUserId, String handOffNote,
                          LocalDate expectedFirstContactDate, Long handOffFromReferralId) {
}
