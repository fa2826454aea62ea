package org.onedoor.directory.internal;

import java.time.Instant;

import org.onedoor.directory.ServiceVerification;

/** A service with every field the service page, edit form and API show. */
public record ServiceDetails(long id, String name, String description, String eligibilityDescription,
                             String categoryCode, String categoryName, long partnerId, String partnerName,
                             long programId, String programName, String federalProgramName, long officeId,
                             String contactName, String contactEmail, String contactPhone, boolean active,
                             Instant lastVerifiedAt, String lastVerifiedBy, Instant reviewDueAt,
                             boolean reviewOverdue, Instant updatedAt, int responseDays,
                             int firstContactDays) {

    public String eligibilitySummary() {
        return ServiceCard.firstSentence(eligibilityDescription);
    }

    public ServiceVerification verification() {
        return new ServiceVerification(lastVerifiedAt, lastVerifiedBy, reviewDueAt, reviewOverdue);
    }
}
