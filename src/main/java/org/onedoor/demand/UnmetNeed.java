package org.onedoor.demand;

import java.time.Instant;

/**
 * One entry of the unmet needs log.
 *
 * @param servicesConsidered services of the need's categories in the area, whatever their eligibility and capacity
 */
public record UnmetNeed(long id, long needId, long businessId, String businessName, String needCode,
                        String needLabel, String naicsSector, String countyFips, String countyName,
                        String employeeBand, UnmetReason reason, int servicesConsidered, long partnerId,
                        String partnerName, Instant recordedAt) {
}
