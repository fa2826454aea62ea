package org.onedoor.imports.internal;

/**
 * A problem found in one record.
 *
 * @param column the header of the column the value came from, or {@code null} for the record as a whole
 * @param value the cell text as read, or {@code null}
 * @param reason what is wrong and what to do, in a sentence
 */
public record RowIssue(int lineNumber, Severity severity, String column, String value, String reason) {

    /** A rejection means nothing of the record was written; a warning means it was written with this value flagged. */
    public enum Severity {
        REJECTION, WARNING
    }

    static RowIssue warning(int lineNumber, String column, String value, String reason) {
        return new RowIssue(lineNumber, Severity.WARNING, column, value, reason);
    }

    static RowIssue rejection(int lineNumber, String column, String value, String reason) {
        return new RowIssue(lineNumber, Severity.REJECTION, column, value, reason);
    }
}
