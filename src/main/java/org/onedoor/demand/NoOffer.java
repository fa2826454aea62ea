package org.onedoor.demand;

/**
 * A recorded reason why a contact ended without an offer.
 *
 * @param needId the need it concerns, or {@code null} for the contact as a whole
 * @param note required for {@link NoOfferReason#OTHER}
 */
public record NoOffer(Long needId, NoOfferReason reason, String note, Long contactId) {
}
