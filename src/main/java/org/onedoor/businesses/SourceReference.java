package org.onedoor.businesses;

import java.util.Map;

/**
 * The origin of an incoming business, kept as its source record and as the provenance of the facts it adds.
 *
 * @param kind how the facts were collected: {@code IMPORT_ROW}, {@code STAFF_ENTRY}, {@code SELF_UPDATE} or
 *             {@code PARTNER_SYSTEM}
 * @param sourceName the file name or system name
 * @param importId the import job, for import rows; otherwise {@code null}
 * @param lineNumber the 1-based physical line where the record starts, for import rows; otherwise 0
 * @param rawValues the record as read, column name to cell text, kept unchanged
 * @param userId the staff member who collected it, or {@code null} for a partner system
 * @param partnerId the partner it was collected for, or {@code null}
 */
public record SourceReference(String kind, String sourceName, Long importId, long lineNumber,
                              Map<String, String> rawValues, Long userId, Long partnerId) {
}
