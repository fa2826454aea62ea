package org.onedoor.assessment;

import java.util.Optional;

/** Read access to the shared needs assessments for other modules. */
public interface Assessments {

    /**
     * Finds the business's current assessment: the latest one completed, valid or expired. Its {@code needCodes}
     * are the needs raised, as codes of {@code FactCatalog.NEEDS}.
     */
    Optional<AssessmentSummary> current(long businessId);
}
