package org.onedoor.directory.internal;

import java.time.Instant;

/**
 * A service as the search results, partner and office pages, CSV download and API list show it.
 *
 * @param federalProgramName the federal program behind the partner's program; {@code null} when it has none
 * @param stale true when the service was verified longer ago than its partner's review period
 */
public record ServiceCard(long id, String name, long partnerId, String partnerName, long programId,
                          String programName, String federalProgramName, String categoryCode, String categoryName,
                          String eligibilityDescription, long officeId, String officeName, String officeCity,
                          String countyName, String officeTimeZone, boolean active, Instant lastVerifiedAt,
                          String lastVerifiedBy, boolean stale) {

    /** Returns the first sentence of the eligibility description, or an empty string when there is none. */
    public String eligibilitySummary() {
        return firstSentence(eligibilityDescription);
    }

    /** Returns when the service was last verified, in the delivering office's zone; empty if never. */
    public String lastVerifiedText() {
        return DirectoryTimes.format(lastVerifiedAt, officeTimeZone);
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
