package org.onedoor.demand;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A recorded offer, or a recorded reason for making none ({@code kind} {@code NO_OFFER}, with {@code answer}
 * {@code null} and {@code noOfferReason} set).
 *
 * @param services the services offered, with their partner; empty for no offer
 * @param referralId the referral sent for an accepted offer with a referral follow-up; {@code null} until it is sent
 */
public record Offer(long id, long businessId, Long needId, String needCode, Kind kind, long partnerId,
                    String partnerName, Long recordedBy, String recordedByName, Instant recordedAt, Long contactId,
                    OfferAnswer answer, FollowUp followUp, String declineReason, LocalDate deferredUntil,
                    NoOfferReason noOfferReason, String note, List<OfferedService> services,
                    Long referralId) {

    public enum Kind { OFFER, NO_OFFER }

    public record OfferedService(long serviceId, String name, long partnerId, String partnerName) {
    }

    public Offer {
        services = List.copyOf(services);
    }
}
