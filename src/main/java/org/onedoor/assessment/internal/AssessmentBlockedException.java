package org.onedoor.assessment.internal;

import org.onedoor.assessment.AssessmentSummary;
import org.onedoor.shared.ConflictException;

/** Rejects a new assessment while the current one is valid and nothing material changed; mapped to 409. */
public class AssessmentBlockedException extends ConflictException {

    private final transient AssessmentSummary current;

    public AssessmentBlockedException(String message, AssessmentSummary current) {
        super(message);
        this.current = current;
    }

    public AssessmentSummary current() {
        return current;
    }
}
