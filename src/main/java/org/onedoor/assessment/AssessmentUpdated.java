package org.onedoor.assessment;

import java.util.List;

/**
 * Published inside the transaction that updates the current needs assessment, when answers or needs changed, so a
 * listener's writes commit or roll back with it.
 *
 * @param needCodes all needs the assessment raises after the update, as codes of {@code FactCatalog.NEEDS}
 * @param addedNeedCodes the needs among them that the assessment did not raise before the update
 * @param partnerId the partner of the staff member who updated it; {@code null} for an administrator
 */
public record AssessmentUpdated(long businessId, long assessmentId, List<String> needCodes,
                                List<String> addedNeedCodes, Long partnerId, long userId) {
}
