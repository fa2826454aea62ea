package org.onedoor.demand;

import org.onedoor.directory.CapacityStatus;
import org.onedoor.eligibility.EligibilityResult;

/**
 * A service that meets a need, with the business's eligibility and the service's live availability.
 *
 * @param eligibility ELIGIBLE, NOT_ELIGIBLE or UNKNOWN from the service's rules
 * @param eligibilitySummary the result in one sentence, such as "Not eligible: Employer has fewer than 500 employees."
 * @param availability AVAILABLE, FULL or UNKNOWN (no figures, or figures older than their freshness limit)
 * @param availabilitySummary the availability in words, such as "3 of 10 slots available"
 */
public record ServiceMatch(long serviceId, String name, long partnerId, String partnerName, String categoryCode,
                           String categoryName, EligibilityResult.Status eligibility, String eligibilitySummary,
                           CapacityStatus availability, String availabilitySummary) {

    /**
     * Tells whether the service can meet the need now: the business is eligible and the service is not full. A
     * service without current capacity figures counts, because many partners do not track capacity and confirm it
     * when they accept a referral.
     */
    public boolean meetsNeed() {
        return eligibility == EligibilityResult.Status.ELIGIBLE && availability != CapacityStatus.FULL;
    }

    /** Returns the order in which staff see the services: 0 is best, as in the services panel of the business. */
    public int rank() {
        return switch (eligibility) {
            case ELIGIBLE -> switch (availability) {
                case AVAILABLE -> 0;
                case UNKNOWN -> 1;
                case FULL -> 2;
            };
            case UNKNOWN -> 3;
            case NOT_ELIGIBLE -> 4;
        };
    }
}
