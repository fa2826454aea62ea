package org.onedoor.imports.internal;

import java.util.List;
import java.util.Map;

import org.onedoor.businesses.IncomingBusiness;

/**
 * A record turned into an incoming business, or rejected.
 *
 * @param business the business to register, or {@code null} when the record is rejected
 * @param rawValues header to cell text, unchanged, including columns that are not imported
 * @param warnings values flagged or left out of the business
 * @param rejection why the record cannot be registered, or {@code null}
 */
public record CleanedRow(int lineNumber, IncomingBusiness business, Map<String, String> rawValues,
                         List<RowIssue> warnings, RowIssue rejection) {

    public CleanedRow {
        warnings = List.copyOf(warnings);
    }

    public boolean isRejected() {
        return rejection != null;
    }
}
