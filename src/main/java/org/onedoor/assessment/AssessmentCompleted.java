package org.onedoor.assessment;

import java.util.List;

/**
 * Published inside the transaction that completes a new needs assessment, so a listener's writes commit or roll
 * back with it. An update of the current assessment publishes {@link AssessmentUpdated}.
 *
 * @param needCodes the needs raised, as codes of {@code FactCatalog.NEEDS}
 * @param partnerId the partner of the staff member who completed it; {@code null} for an administrator
 */
public record AssessmentCompleted(long businessId, long assessmentId, List<String> needCodes, Long partnerId,
                                  long userId) {
}
