package org.onedoor.assessment.internal;

import org.onedoor.shared.ConflictException;

/**
 * Rejects a new needs assessment because other partners contacted the business, or plan to, within the
 * coordination window and no override reason was given. The API maps it to 409.
 */
public class AssessmentCoordinationException extends ConflictException {

    private final transient AssessmentCoordination.Result result;

    public AssessmentCoordinationException(String message, AssessmentCoordination.Result result) {
        super(message);
        this.result = result;
    }

    public AssessmentCoordination.Result result() {
        return result;
    }
}
