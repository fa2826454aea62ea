package org.onedoor.eligibility.internal;

import java.time.Instant;

import org.onedoor.directory.ServiceVerification;
import org.onedoor.eligibility.EligibilityResult;

/**
 * One service as the services panel of a business shows it. {@link BusinessServices} ranks the options.
 *
 * @param officeTimeZone the IANA time zone of the delivering office
 * @param verification when the partner last verified the entry, and whether its review is overdue
 */
public record ServiceOption(long serviceId, String name, String categoryCode, String categoryName, long partnerId,
                            String partnerName, long officeId, String officeName, String officeCity,
                            String officeTimeZone, Availability availability, EligibilityResult eligibility,
                            ServiceVerification verification) {

    /**
     * Live capacity as the panel shows it.
     *
     * @param status {@code AVAILABLE}, {@code FULL} or {@code UNKNOWN} (no capacity, or older than its freshness
     *               limit)
     * @param text the availability in words, such as "3 of 10 slots available"
     * @param updatedAt when the capacity was last set or confirmed; {@code null} without capacity
     */
    public record Availability(String status, String text, Integer availableUnits, Integer maximumUnits, String unit,
                               Instant updatedAt) {
    }
}
