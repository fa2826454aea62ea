package org.onedoor.shared;

import java.util.List;

/**
 * Rejects input, with one message per field that names the value and the fix. The web edge turns it into a 400
 * with the field errors, or re-renders the form with each message next to its field.
 */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "Invalid input" : problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** A message that belongs to one input field; {@code field} matches the form field or JSON property name. */
    public record FieldProblem(String field, String message) {
    }
}
