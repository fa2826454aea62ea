package org.onedoor.directory.internal;

import java.time.Instant;

import org.onedoor.directory.ServiceVerification;

/**
 * A service as the search results, partner and office pages, CSV download and API list show it.
 *
 * @param federalProgramName the federal program behind the partner's program; {@code null} when it has none
 * @param reviewDueAt when the service is or was due for review, as the {@code service_review} view computes it
 * @param reviewOverdue true when the service is active and past its review date
 */
public record ServiceCard(long id, String name, long partnerId, String partnerName, long programId,
                          String programName, String federalProgramName, String categoryCode, String categoryName,
                          String eligibilityDescription, long officeId, String officeName, String officeCity,
                          String countyName, String officeTimeZone, boolean active, Instant lastVerifiedAt,
                          String lastVerifiedBy, Instant reviewDueAt, boolean reviewOverdue) {

    public ServiceVerification verification() {
        return new ServiceVerification(lastVerifiedAt, lastVerifiedBy, reviewDueAt, reviewOverdue);
    }

    /** Returns the first sentence of the eligibility description, or an empty string when there is none. */
    public String eligibilitySummary() {
        return firstSentence(eligibilityDescription);
    }

    static String firstSentence(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String stripped = text.strip();
        int end = stripped.indexOf(". ");
        return end < 0 ? stripped : stripped.substring(0, end + 1);
    }
}
