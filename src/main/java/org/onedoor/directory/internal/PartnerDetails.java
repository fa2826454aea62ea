package org.onedoor.directory.internal;

import java.time.Instant;

/**
 * A partner with the fields its administrators edit.
 *
 * @param reviewPeriodDays days after its last verification that a service of this partner counts as stale
 */
public record PartnerDetails(long id, long areaId, String areaName, String code, String name, String description,
                             String website, int reviewPeriodDays, boolean demo, Instant updatedAt) {
}
