package org.onedoor.imports.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An import job as stored, without the file content.
 *
 * @param headers the file's headers in column order
 * @param mapping header to field code; empty while the job is a draft
 * @param totalRows the number of records in the file, counted at upload
 * @param counts rows read and their outcomes so far
 */
public record ImportJob(long id, String sourceName, String fileName, long fileSize, ImportStatus status,
                        EncodingChoice encodingChoice, String encodingUsed, DateFormatChoice dateFormat,
                        String countryCode, List<String> headers, Map<String, String> mapping, String mappingName,
                        int totalRows, Integer nameLengthLimit, ImportCounts counts, String failureReason,
                        int attempts, Long createdBy, Instant createdAt, Instant startedAt, Instant finishedAt) {

    /** Returns the time from the first start to the end, or to now while the job runs; {@code null} before it starts. */
    public Duration timeTaken() {
        if (startedAt == null) {
            return null;
        }
        return Duration.between(startedAt, finishedAt == null ? Instant.now() : finishedAt);
    }

    /** Returns the share of records read, from 0 to 100. */
    public int percentDone() {
        if (status == ImportStatus.DONE) {
            return 100;
        }
        return totalRows == 0 ? 0 : (int) Math.min(100, counts.rowsRead() * 100L / totalRows);
    }
}
