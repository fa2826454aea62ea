package org.onedoor.demand;

import java.time.LocalDate;
import java.util.List;

/**
 * An offer for one open need and the business's answer.
 *
 * @param followUp required when accepted, otherwise {@code null}
 * @param declineReason required when declined, otherwise {@code null}
 * @param deferredUntil required when deferred and after today, otherwise {@code null}
 * @param contactId the contact log entry the offer was made at, if any
 */
public record NewOffer(long needId, List<Long> serviceIds, OfferAnswer answer, FollowUp followUp,
                       String declineReason, LocalDate deferredUntil, Long contactId, String note) {

    public NewOffer {
        serviceIds = serviceIds == null ? List.of() : List.copyOf(serviceIds);
    }
}
