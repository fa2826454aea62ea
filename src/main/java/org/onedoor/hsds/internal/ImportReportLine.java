package org.onedoor.hsds.internal;

/**
 * The outcome of one source row of an import.
 *
 * @param recordType the OneDoor record the row became or was added to: partner, program, office, service,
 *                   capacity, or the HSDS table name when the row was skipped
 * @param outcome CREATED, UPDATED, MERGED (became fields of another row's record), NOTED or SKIPPED
 * @param noteFields the columns whose values went to notes, comma-separated
 */
public record ImportReportLine(String file, String rowLabel, String sourceId, String recordType, String outcome,
                               Long recordId, String name, String reason, String noteFields) {
}
