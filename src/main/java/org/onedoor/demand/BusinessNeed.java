package org.onedoor.demand;

import java.time.Instant;
import java.util.List;

/**
 * A need of a business with the profile facts copied when it was raised and the offers made for it, oldest first.
 *
 * @param unmetReason why no service met the need when it was raised; {@code null} when one did
 * @param joinedIntoId the survivor's open need of the same type that a business merge closed this one into;
 *                     {@code null} for a need closed by an answer or still open
 */
public record BusinessNeed(long id, long businessId, String needCode, String needLabel, NeedSource source,
                           Long sourceId, long partnerId, String partnerName, Instant raisedAt, String naicsSector,
                           String countyFips, String employeeBand, boolean open, Instant closedAt,
                           UnmetReason unmetReason, List<Offer> offers, Long joinedIntoId) {

    public BusinessNeed {
        offers = List.copyOf(offers);
    }
}
