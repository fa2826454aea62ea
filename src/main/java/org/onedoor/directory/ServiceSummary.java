package org.onedoor.directory;

import java.time.Instant;

/**
 * A service as other modules show it: what it is, who delivers it, from which office and in which time zone.
 *
 * @param lastVerifiedAt when staff of the partner last confirmed the entry; {@code null} if never
 * @param lastVerifiedBy who confirmed it; {@code null} if never
 * @param reviewDueAt when the service is or was due for review
 * @param reviewOverdue true when the service is active and past its review date
 */
public record ServiceSummary(long id, String name, long partnerId, String partnerName, long programId,
                             String programName, String categoryCode, String categoryName, long officeId,
                             String officeName, String officeTimeZone, boolean active, Instant lastVerifiedAt,
                             String lastVerifiedBy, Instant reviewDueAt, boolean reviewOverdue) {

    public ServiceVerification verification() {
        return new ServiceVerification(lastVerifiedAt, lastVerifiedBy, reviewDueAt, reviewOverdue);
    }
}
