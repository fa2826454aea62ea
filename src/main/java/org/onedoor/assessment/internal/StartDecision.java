package org.onedoor.assessment.internal;

import org.onedoor.assessment.AssessmentSummary;

/**
 * Whether a new assessment of a business may start now.
 *
 * @param message why, in a sentence for staff
 * @param current the current assessment, or {@code null} when there is none
 */
public record StartDecision(StartReason reason, String message, AssessmentSummary current) {

    public boolean allowed() {
        return reason.allowsNew();
    }
}
