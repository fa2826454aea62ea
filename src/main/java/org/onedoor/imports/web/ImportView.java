package org.onedoor.imports.web;

import java.time.Instant;
import java.util.Map;

import org.onedoor.imports.internal.ImportJob;

/** An import job as the API returns it. */
record ImportView(long id, String sourceName, String fileName, String status, String encoding, String dateFormat,
                  String country, Progress progress, Counts counts, Integer nameLengthLimit, String failureReason,
                  Instant createdAt, Instant startedAt, Instant finishedAt, Double secondsTaken,
                  Map<String, String> mapping, Map<String, String> links) {

    record Progress(int rowsRead, int totalRows, int percent) {
    }

    record Counts(int rowsRead, int created, int matched, int rejected, int warnings) {
    }

    static ImportView of(ImportJob job) {
        String self = "/api/v1/imports/" + job.id();
        return new ImportView(job.id(), job.sourceName(), job.fileName(), job.status().name(), job.encodingUsed(),
                job.dateFormat().code(), job.countryCode(),
                new Progress(job.counts().rowsRead(), job.totalRows(), job.percentDone()),
                new Counts(job.counts().rowsRead(), job.counts().created(), job.counts().matched(),
                        job.counts().rejected(), job.counts().warnings()),
                job.nameLengthLimit(), job.failureReason(), job.createdAt(), job.startedAt(), job.finishedAt(),
                job.timeTaken() == null ? null : job.timeTaken().toMillis() / 1000.0, job.mapping(),
                Map.of("self", self, "report", self + "/report", "reportCsv", self + "/report.csv",
                        "page", "/imports/" + job.id()));
    }
}
