package org.onedoor.directory.internal;

import java.time.Instant;

/** A service with every field the service page, edit form and API show. */
public record ServiceDetails(long id, String name, String description, String eligibilityDescription,
                             String categoryCode, String categoryName, long partnerId, String partnerName,
                             long programId, String programName, String federalProgramName, long officeId,
                             String contactName, String contactEmail, String contactPhone, boolean active,
                             Instant lastVerifiedAt, String lastVerifiedBy, boolean stale, Instant updatedAt) {

    public String eligibilitySummary() {
        return ServiceCard.firstSentence(eligibilityDescription);
    }

    /** Returns when the service was last verified, in the given zone; empty if never. */
    public String lastVerifiedText(String timeZone) {
        return DirectoryTimes.format(lastVerifiedAt, timeZone);
    }
}
