package org.onedoor.hsds.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.onedoor.hsds.internal.HsdsPackageReader.SkippedFile;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.onedoor.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports HSDS data into a workforce area in one transaction: a file that cannot be read rejects the whole
 * import, while a row that cannot be imported is reported and the others go in.
 */
@Service
public class HsdsImporter {

    private static final Logger log = LoggerFactory.getLogger(HsdsImporter.class);

    /** The choices of the import form: the target area, and the defaults for values missing from the data. */
    public record ImportRequest(Long areaId, String sourceName, String timeZone, String categoryCode) {
    }

    /** A finished import, as its report page shows it. */
    public record ImportSummary(long id, long areaId, String areaName, String sourceName, String format, String timeZone,
                                String categoryCode, String createdBy, Instant createdAt, Map<String, Long> counts) {
    }

    /** A note kept on a record for an imported value with no OneDoor field. */
    public record Note(String source, String field, String value, long importId, String importSource) {
    }

    private final JdbcClient jdbc;
    private final HsdsCatalog catalog;

    HsdsImporter(JdbcClient jdbc, HsdsCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /**
     * Runs an import and stores its report.
     *
     * @throws InvalidInputException when a choice of the form is invalid or a file cannot be read; nothing is written
     */
    @Transactional
    public long run(ImportRequest request, List<HsdsUpload> uploads, String createdBy, Long createdByUser) {
        checkRequest(request);
        HsdsPackageReader.Result read = HsdsPackageReader.read(uploads);
        String sourceName = request.sourceName() == null || request.sourceName().isBlank()
                ? uploads.get(0).name() : request.sourceName().strip();

        long importId = jdbc.sql("""
                        INSERT INTO hsds_import (area_id, source_name, format, time_zone, category_code, created_by,
                                                 created_by_user)
                        VALUES (:areaId, :sourceName, :format, :timeZone, :category, :createdBy, :userId) RETURNING id""")
                .param("areaId", request.areaId())
                .param("sourceName", sourceName)
                .param("format", read.format())
                .param("timeZone", request.timeZone())
                .param("category", request.categoryCode())
                .param("createdBy", createdBy)
                .param("userId", createdByUser)
                .query(Long.class)
                .single();

        ImportRun run = new ImportRun(new ImportWrites(jdbc), read.tables(),
                new ImportRun.Settings(importId, request.areaId(), sourceName, request.timeZone(), request.categoryCode()),
                catalog.categories());
        List<ImportReportLine> lines = new ArrayList<>();
        for (SkippedFile file : read.skippedFiles()) {
            lines.add(new ImportReportLine(file.file(), "", "", "file", "SKIPPED", null, "", file.reason(), ""));
        }
        lines.addAll(run.run());
        saveLines(importId, lines);
        log.info("HSDS import {} of '{}' into area {} by {}: {}", importId, sourceName, request.areaId(), createdBy,
                ImportRun.countByOutcome(lines));
        return importId;
    }

    @Transactional(readOnly = true)
    public ImportSummary summary(long importId) {
        ImportSummary summary = jdbc.sql("""
                        SELECT i.id, i.area_id, a.name AS area_name, i.source_name, i.format, i.time_zone, i.category_code,
                               i.created_by, i.created_at, NULL AS counts
                        FROM hsds_import i JOIN workforce_area a ON a.id = i.area_id
                        WHERE i.id = :id""")
                .param("id", importId)
                .query((rs, rowNumber) -> new ImportSummary(rs.getLong("id"), rs.getLong("area_id"), rs.getString("area_name"),
                        rs.getString("source_name"), rs.getString("format"), rs.getString("time_zone"),
                        rs.getString("category_code"), rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant(), Map.of()))
                .optional()
                .orElseThrow(() -> NotFoundException.of("HSDS import", importId));
        return new ImportSummary(summary.id(), summary.areaId(), summary.areaName(), summary.sourceName(), summary.format(),
                summary.timeZone(), summary.categoryCode(), summary.createdBy(), summary.createdAt(),
                ImportRun.countByOutcome(lines(importId)));
    }

    @Transactional(readOnly = true)
    public List<ImportReportLine> lines(long importId) {
        return jdbc.sql("""
                        SELECT file, row_label, source_id, record_type, outcome, record_id, name, reason, note_fields
                        FROM hsds_import_row WHERE import_id = :id ORDER BY position""")
                .param("id", importId)
                .query(ImportReportLine.class)
                .list();
    }

    /** Returns the notes kept on a partner, office, program or service, oldest import first. */
    @Transactional(readOnly = true)
    public List<Note> notes(String recordType, long recordId) {
        return jdbc.sql("""
                        SELECT n.source, n.field, n.value, n.import_id, i.source_name AS import_source
                        FROM hsds_note n JOIN hsds_import i ON i.id = n.import_id
                        WHERE n.record_type = :type AND n.record_id = :id
                        ORDER BY n.import_id, n.id""")
                .param("type", recordType)
                .param("id", recordId)
                .query(Note.class)
                .list();
    }

    public record AreaOption(long id, String name) {
    }

    @Transactional(readOnly = true)
    public List<AreaOption> areas() {
        return jdbc.sql("SELECT id, name FROM workforce_area ORDER BY name").query(AreaOption.class).list();
    }

    private void checkRequest(ImportRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.areaId() == null) {
            problems.add(new FieldProblem("areaId", "Choose the workforce area to import into."));
        } else if (jdbc.sql("SELECT count(*) FROM workforce_area WHERE id = :id").param("id", request.areaId()).query(Long.class).single() == 0) {
            problems.add(new FieldProblem("areaId", "Workforce area " + request.areaId() + " was not found. Choose an area from the list."));
        }
        if (request.timeZone() == null || !ZoneId.getAvailableZoneIds().contains(request.timeZone())) {
            problems.add(new FieldProblem("timeZone", "Time zone '" + request.timeZone()
                    + "' is not an IANA time zone name. Use one such as America/Indiana/Indianapolis."));
        }
        if (request.categoryCode() == null || catalog.categories().stream().noneMatch(category -> category.code().equals(request.categoryCode()))) {
            problems.add(new FieldProblem("categoryCode", "Employer service category '" + request.categoryCode()
                    + "' was not found. Choose a category from the list."));
        }
        if (request.sourceName() != null && request.sourceName().length() > 200) {
            problems.add(new FieldProblem("sourceName", "The source name has " + request.sourceName().length()
                    + " characters. Use 200 or fewer."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private void saveLines(long importId, List<ImportReportLine> lines) {
        int position = 0;
        for (ImportReportLine line : lines) {
            jdbc.sql("""
                            INSERT INTO hsds_import_row (import_id, position, file, row_label, source_id, record_type, outcome,
                                                         record_id, name, reason, note_fields)
                            VALUES (:importId, :position, :file, :rowLabel, :sourceId, :recordType, :outcome, :recordId,
                                    :name, :reason, :noteFields)""")
                    .param("importId", importId)
                    .param("position", ++position)
                    .param("file", line.file())
                    .param("rowLabel", line.rowLabel())
                    .param("sourceId", line.sourceId())
                    .param("recordType", line.recordType())
                    .param("outcome", line.outcome())
                    .param("recordId", line.recordId())
                    .param("name", line.name())
                    .param("reason", line.reason())
                    .param("noteFields", line.noteFields())
                    .update();
        }
    }
}
