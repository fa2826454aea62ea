package org.onedoor.directory;

import java.time.Instant;

/**
 * A service as other modules show it: what it is, who delivers it, from which office and in which time zone.
 *
 * @param lastVerifiedAt when an administrator of the partner last confirmed the entry; {@code null} if never
 */
public record ServiceSummary(long id, String name, long partnerId, String partnerName, long programId,
                             String programName, String categoryCode, String categoryName, long officeId,
                             String officeName, String officeTimeZone, boolean active, Instant lastVerifiedAt) {
}
