package org.onedoor.directory.internal;

import java.util.ArrayList;
import java.util.List;

import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;

/** Collects the problems of one form or API body, so that every invalid field is reported at once. */
final class FieldChecks {

    private final List<FieldProblem> problems = new ArrayList<>();

    void reject(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    /** Returns the stripped value, or rejects the field with {@code missingMessage} when it is blank. */
    String required(String field, String value, String missingMessage) {
        if (value == null || value.isBlank()) {
            reject(field, missingMessage);
            return null;
        }
        return value.strip();
    }

    /** Throws one {@link InvalidInputException} listing every problem, if there is any. */
    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
