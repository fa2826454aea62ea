package org.onedoor.assessment;

import java.time.Instant;
import java.util.List;

/**
 * One completed needs assessment.
 *
 * @param instrumentVersion the version of the area's instrument the assessment used
 * @param needCodes the needs its answers raised, as codes of {@code FactCatalog.NEEDS}, in that list's order
 * @param partnerId the partner of the staff member who completed it; {@code null} for an administrator
 * @param valid whether {@code validUntil} is still ahead
 * @param updatedAt when it was last updated; {@code null} when never
 * @param coordinationOverrideReason why it was started although other partners contacted the business within the
 *                                   coordination window; {@code null} when the coordination check found none
 */
public record AssessmentSummary(long id, long businessId, long areaId, long instrumentId, int instrumentVersion,
                                List<String> needCodes, Instant completedAt, long completedBy, Long partnerId,
                                Instant validUntil, boolean valid, Instant updatedAt,
                                String coordinationOverrideReason) {
}
