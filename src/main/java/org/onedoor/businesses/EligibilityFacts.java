package org.onedoor.businesses;

import java.math.BigDecimal;
import java.util.List;

/**
 * The profile values that eligibility rules read, loaded in one query. Every value is {@code null} when the
 * profile does not know it.
 *
 * @param employeeBand a BLS QCEW size class such as {@code 20-49}
 * @param countyFips the county FIPS codes of the establishments that have one; empty when none is known
 * @param hiringNeeds hiring need kinds from {@link HiringNeeds#KINDS}; empty means the business has none
 * @param hourlyWageOffered US dollars per hour
 */
public record EligibilityFacts(long businessId, String naicsCode, String employeeBand, String ownershipType,
                               Integer yearStarted, List<String> countyFips, Boolean layoffAnnounced,
                               List<String> hiringNeeds, BigDecimal hourlyWageOffered,
                               Boolean hiresPeopleWithDisabilities, Boolean hiresVeterans) {
}
