package org.onedoor.imports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores import jobs, their rows and issues, and the saved column mappings. */
@Repository
public class ImportJobs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String JOB_COLUMNS = """
            id, source_name, file_name, file_size, status, encoding_choice, encoding_used, date_format, country_code,
            headers::text AS headers, mapping::text AS mapping, mapping_name, total_rows, name_length_limit,
            rows_read, created_count, matched_count, rejected_count, warning_count, failure_reason, attempts,
            created_by, created_at, started_at, finished_at""";

    private final JdbcClient jdbc;

    ImportJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A file ready to store as a job; {@code mapping} is {@code null} for a draft. */
    record NewJob(String sourceName, String fileName, byte[] content, List<String> headers, EncodingChoice encodingChoice,
                  String encodingUsed, DateFormatChoice dateFormat, String countryCode, Map<String, String> mapping,
                  String mappingName, int totalRows, Long createdBy, Long partnerId) {
    }

    long insert(NewJob job) {
        boolean queued = job.mapping() != null;
        return jdbc.sql("""
                        INSERT INTO import_job (source_name, file_name, file_content, file_size, headers, encoding_choice,
                                                encoding_used, date_format, country_code, mapping, mapping_name, status,
                                                total_rows, created_by, partner_id, queued_at)
                        VALUES (:sourceName, :fileName, :content, :size, :headers::jsonb, :encodingChoice, :encodingUsed,
                                :dateFormat, :country, :mapping::jsonb, :mappingName, :status, :totalRows, :createdBy,
                                :partnerId, CASE WHEN :queued THEN now() END)
                        RETURNING id""")
                .param("sourceName", job.sourceName())
                .param("fileName", job.fileName())
                .param("content", job.content())
                .param("size", (long) job.content().length)
                .param("headers", JSON.writeValueAsString(job.headers()))
                .param("encodingChoice", job.encodingChoice().name())
                .param("encodingUsed", job.encodingUsed())
                .param("dateFormat", job.dateFormat().name())
                .param("country", job.countryCode())
                .param("mapping", queued ? JSON.writeValueAsString(job.mapping()) : null)
                .param("mappingName", job.mappingName())
                .param("status", queued ? ImportStatus.QUEUED.name() : ImportStatus.DRAFT.name())
                .param("totalRows", job.totalRows())
                .param("createdBy", job.createdBy())
                .param("partnerId", job.partnerId())
                .param("queued", queued)
                .query(Long.class)
                .single();
    }

    Optional<ImportJob> find(long id) {
        return jdbc.sql("SELECT " + JOB_COLUMNS + " FROM import_job WHERE id = :id")
                .param("id", id)
                .query(ImportJobs::job)
                .optional()
                .map(this::withLiveCounts);
    }

    /** Lists jobs newest first, optionally only those with one status. */
    ResultPage<ImportJob> list(ImportStatus status, PageRequest page) {
        String where = status == null ? "" : " WHERE status = :status";
        List<ImportJob> jobs = jdbc.sql("SELECT " + JOB_COLUMNS + " FROM import_job" + where
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("status", status == null ? null : status.name())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(ImportJobs::job)
                .list()
                .stream()
                .map(this::withLiveCounts)
                .toList();
        long total = jdbc.sql("SELECT count(*) FROM import_job" + where)
                .param("status", status == null ? null : status.name())
                .query(Long.class)
                .single();
        return ResultPage.of(jobs, page, total);
    }

    byte[] content(long id) {
        return jdbc.sql("SELECT file_content FROM import_job WHERE id = :id")
                .param("id", id)
                .query(byte[].class)
                .single();
    }

    /** Queues a draft with its mapping; returns {@code false} when the job is no longer a draft. */
    /** Deletes a job that still waits for its column mapping, with its stored file; returns whether one was deleted. */
    boolean deleteDraft(long id) {
        return jdbc.sql("DELETE FROM import_job WHERE id = :id AND status = 'DRAFT'").param("id", id).update() == 1;
    }

    boolean queue(long id, Map<String, String> mapping, String mappingName) {
        return jdbc.sql("""
                        UPDATE import_job SET mapping = :mapping::jsonb, mapping_name = :mappingName, status = 'QUEUED',
                                              queued_at = now()
                        WHERE id = :id AND status = 'DRAFT'""")
                .param("id", id)
                .param("mapping", JSON.writeValueAsString(mapping))
                .param("mappingName", mappingName)
                .update() == 1;
    }

    /**
     * Claims the oldest queued job, or a running job whose worker has sent no heartbeat for {@code staleAfter}, so
     * a job left by a stopped instance is taken up again. {@code SKIP LOCKED} lets several instances poll at once
     * without waiting on each other or claiming the same job.
     */
    Optional<Long> claim(String workerId, Duration staleAfter) {
        return jdbc.sql("""
                        UPDATE import_job
                        SET status = 'RUNNING', claimed_by = :worker, heartbeat_at = now(), attempts = attempts + 1,
                            started_at = coalesce(started_at, now())
                        WHERE id = (SELECT id FROM import_job
                                    WHERE status = 'QUEUED'
                                       OR (status = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => :staleSeconds))
                                    ORDER BY queued_at, id
                                    LIMIT 1
                                    FOR UPDATE SKIP LOCKED)
                        RETURNING id""")
                .param("worker", workerId)
                .param("staleSeconds", (double) staleAfter.toSeconds())
                .query(Long.class)
                .optional();
    }

    /** Records that the worker still runs the job; returns {@code false} when another worker has claimed it since. */
    boolean heartbeat(long id, String workerId) {
        return jdbc.sql("UPDATE import_job SET heartbeat_at = now() WHERE id = :id AND claimed_by = :worker AND status = 'RUNNING'")
                .param("id", id)
                .param("worker", workerId)
                .update() == 1;
    }

    void recordNameLengthLimit(long id, Integer limit) {
        jdbc.sql("UPDATE import_job SET name_length_limit = :limit WHERE id = :id")
                .param("id", id)
                .param("limit", limit)
                .update();
    }

    Set<Integer> writtenLines(long id) {
        return new HashSet<>(jdbc.sql("SELECT line_number FROM import_row WHERE import_id = :id")
                .param("id", id)
                .query(Integer.class)
                .list());
    }

    /**
     * Records the outcome of one line; returns {@code false} when the line was already written, for example by a
     * worker that claimed the job before this one.
     */
    boolean insertRow(long importId, int lineNumber, String outcome, Long businessId, String legalName, String matchReason) {
        return jdbc.sql("""
                        INSERT INTO import_row (import_id, line_number, outcome, business_id, legal_name, match_reason)
                        VALUES (:importId, :line, :outcome, :businessId, :legalName, :matchReason)
                        ON CONFLICT (import_id, line_number) DO NOTHING""")
                .param("importId", importId)
                .param("line", lineNumber)
                .param("outcome", outcome)
                .param("businessId", businessId)
                .param("legalName", legalName)
                .param("matchReason", matchReason)
                .update() == 1;
    }

    /** The outcome of one line, for {@link #insertRows}. */
    record RowOutcome(int lineNumber, String outcome, Long businessId, String legalName, String matchReason) {
    }

    /**
     * Records the outcomes of several lines in one statement; returns {@code false} when any of them was already
     * written, so the caller rolls the whole batch back.
     */
    boolean insertRows(long importId, List<RowOutcome> rows) {
        if (rows.isEmpty()) {
            return true;
        }
        int inserted = jdbc.sql("""
                        INSERT INTO import_row (import_id, line_number, outcome, business_id, legal_name, match_reason)
                        SELECT :importId, r.line_number, r.outcome, r.business_id, r.legal_name, r.match_reason
                        FROM unnest(CAST(:lines AS integer[]), CAST(:outcomes AS text[]), CAST(:businessIds AS bigint[]),
                                    CAST(:legalNames AS text[]), CAST(:matchReasons AS text[]))
                             AS r(line_number, outcome, business_id, legal_name, match_reason)
                        ON CONFLICT (import_id, line_number) DO NOTHING""")
                .param("importId", importId)
                .param("lines", rows.stream().map(RowOutcome::lineNumber).toArray(Integer[]::new))
                .param("outcomes", rows.stream().map(RowOutcome::outcome).toArray(String[]::new))
                .param("businessIds", rows.stream().map(RowOutcome::businessId).toArray(Long[]::new))
                .param("legalNames", rows.stream().map(RowOutcome::legalName).toArray(String[]::new))
                .param("matchReasons", rows.stream().map(RowOutcome::matchReason).toArray(String[]::new))
                .update();
        return inserted == rows.size();
    }

    /** Records issues in one statement, in the order given. */
    void insertIssues(long importId, List<RowIssue> issues) {
        if (issues.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO import_issue (import_id, line_number, severity, column_name, value, reason)
                        SELECT :importId, i.line_number, i.severity, i.column_name, i.value, i.reason
                        FROM unnest(CAST(:lines AS integer[]), CAST(:severities AS text[]), CAST(:columns AS text[]),
                                    CAST(:issueValues AS text[]), CAST(:reasons AS text[]))
                             WITH ORDINALITY AS i(line_number, severity, column_name, value, reason, position)
                        ORDER BY i.position""")
                .param("importId", importId)
                .param("lines", issues.stream().map(RowIssue::lineNumber).toArray(Integer[]::new))
                .param("severities", issues.stream().map(issue -> issue.severity().name()).toArray(String[]::new))
                .param("columns", issues.stream().map(RowIssue::column).toArray(String[]::new))
                .param("issueValues", issues.stream().map(RowIssue::value).toArray(String[]::new))
                .param("reasons", issues.stream().map(RowIssue::reason).toArray(String[]::new))
                .update();
    }

    ImportCounts countRows(long id) {
        return jdbc.sql("""
                        SELECT count(*) AS rows_read,
                               count(*) FILTER (WHERE outcome = 'CREATED') AS created_count,
                               count(*) FILTER (WHERE outcome = 'MATCHED') AS matched_count,
                               count(*) FILTER (WHERE outcome = 'REJECTED') AS rejected_count,
                               (SELECT count(*) FROM import_issue WHERE import_id = :id AND severity = 'WARNING') AS warning_count
                        FROM import_row WHERE import_id = :id""")
                .param("id", id)
                .query(ImportJobs::counts)
                .single();
    }

    /** Marks the job done with its final counts, if this worker still has the claim on it. */
    boolean finish(long id, String workerId) {
        ImportCounts counts = countRows(id);
        return jdbc.sql("""
                        UPDATE import_job SET status = 'DONE', finished_at = now(), rows_read = :read, created_count = :created,
                                              matched_count = :matched, rejected_count = :rejected, warning_count = :warnings
                        WHERE id = :id AND claimed_by = :worker AND status = 'RUNNING'""")
                .param("id", id)
                .param("worker", workerId)
                .param("read", counts.rowsRead())
                .param("created", counts.created())
                .param("matched", counts.matched())
                .param("rejected", counts.rejected())
                .param("warnings", counts.warnings())
                .update() == 1;
    }

    void fail(long id, String workerId, String reason) {
        ImportCounts counts = countRows(id);
        jdbc.sql("""
                        UPDATE import_job SET status = 'FAILED', finished_at = now(), failure_reason = :reason,
                                              rows_read = :read, created_count = :created, matched_count = :matched,
                                              rejected_count = :rejected, warning_count = :warnings
                        WHERE id = :id AND claimed_by = :worker AND status = 'RUNNING'""")
                .param("id", id)
                .param("worker", workerId)
                .param("reason", reason)
                .param("read", counts.rowsRead())
                .param("created", counts.created())
                .param("matched", counts.matched())
                .param("rejected", counts.rejected())
                .param("warnings", counts.warnings())
                .update();
    }

    /** Returns one page of the issues, in line order, optionally of one severity. */
    ResultPage<RowIssue> issues(long id, RowIssue.Severity severity, PageRequest page) {
        String where = " WHERE import_id = :id" + (severity == null ? "" : " AND severity = :severity");
        List<RowIssue> issues = jdbc.sql("SELECT line_number, severity, column_name, value, reason FROM import_issue"
                        + where + " ORDER BY line_number, id LIMIT :limit OFFSET :offset")
                .param("id", id)
                .param("severity", severity == null ? null : severity.name())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(ImportJobs::issue)
                .list();
        long total = jdbc.sql("SELECT count(*) FROM import_issue" + where)
                .param("id", id)
                .param("severity", severity == null ? null : severity.name())
                .query(Long.class)
                .single();
        return ResultPage.of(issues, page, total);
    }

    /** One line of the per-row report: a row's outcome with one of its issues, or with none. */
    record ReportLine(int lineNumber, String outcome, Long businessId, String legalName, String matchReason,
                      String severity, String column, String value, String reason) {
    }

    /** Streams every row with its issues, in line order, without holding the report in memory. */
    void forEachReportLine(long id, Consumer<ReportLine> consumer) {
        jdbc.sql("""
                        SELECT r.line_number, r.outcome, r.business_id, r.legal_name, r.match_reason,
                               i.severity, i.column_name, i.value, i.reason
                        FROM import_row r
                        LEFT JOIN import_issue i ON i.import_id = r.import_id AND i.line_number = r.line_number
                        WHERE r.import_id = :id
                        ORDER BY r.line_number, i.id""")
                .param("id", id)
                .query((RowCallbackHandler) rs -> {
                    long businessId = rs.getLong("business_id");
                    boolean noBusiness = rs.wasNull();
                    consumer.accept(new ReportLine(rs.getInt("line_number"), rs.getString("outcome"),
                            noBusiness ? null : businessId, rs.getString("legal_name"), rs.getString("match_reason"),
                            rs.getString("severity"), rs.getString("column_name"), rs.getString("value"),
                            rs.getString("reason")));
                });
    }

    /** A column mapping saved by name. */
    public record SavedMapping(long id, String name, Map<String, String> columns) {
    }

    List<SavedMapping> savedMappings() {
        return jdbc.sql("SELECT id, name, columns::text AS columns FROM import_mapping ORDER BY lower(name)")
                .query(ImportJobs::savedMapping)
                .list();
    }

    Optional<SavedMapping> findSavedMapping(String name) {
        return jdbc.sql("SELECT id, name, columns::text AS columns FROM import_mapping WHERE lower(name) = lower(:name)")
                .param("name", name.strip())
                .query(ImportJobs::savedMapping)
                .optional();
    }

    /** Saves the mapping under the name, replacing a mapping of the same name. */
    void saveMapping(String name, Map<String, String> columns, Long userId) {
        jdbc.sql("""
                        INSERT INTO import_mapping (name, columns, created_by) VALUES (:name, :columns::jsonb, :userId)
                        ON CONFLICT (lower(name)) DO UPDATE SET columns = excluded.columns, updated_at = now()""")
                .param("name", name.strip())
                .param("columns", JSON.writeValueAsString(columns))
                .param("userId", userId)
                .update();
    }

    private ImportJob withLiveCounts(ImportJob job) {
        if (job.status() != ImportStatus.RUNNING && job.status() != ImportStatus.QUEUED) {
            return job;
        }
        return new ImportJob(job.id(), job.sourceName(), job.fileName(), job.fileSize(), job.status(),
                job.encodingChoice(), job.encodingUsed(), job.dateFormat(), job.countryCode(), job.headers(),
                job.mapping(), job.mappingName(), job.totalRows(), job.nameLengthLimit(), countRows(job.id()),
                job.failureReason(), job.attempts(), job.createdBy(), job.createdAt(), job.startedAt(), job.finishedAt());
    }

    private static ImportJob job(ResultSet rs, int row) throws SQLException {
        String mapping = rs.getString("mapping");
        long createdBy = rs.getLong("created_by");
        boolean noCreator = rs.wasNull();
        int limit = rs.getInt("name_length_limit");
        boolean noLimit = rs.wasNull();
        return new ImportJob(rs.getLong("id"), rs.getString("source_name"), rs.getString("file_name"),
                rs.getLong("file_size"), ImportStatus.valueOf(rs.getString("status")),
                EncodingChoice.valueOf(rs.getString("encoding_choice")), rs.getString("encoding_used"),
                DateFormatChoice.valueOf(rs.getString("date_format")), rs.getString("country_code"),
                JSON.readValue(rs.getString("headers"), new TypeReference<List<String>>() { }),
                mapping == null ? Map.of() : JSON.readValue(mapping, new TypeReference<LinkedHashMap<String, String>>() { }),
                rs.getString("mapping_name"), rs.getInt("total_rows"), noLimit ? null : limit, counts(rs, row),
                rs.getString("failure_reason"), rs.getInt("attempts"), noCreator ? null : createdBy,
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")));
    }

    private static ImportCounts counts(ResultSet rs, int row) throws SQLException {
        return new ImportCounts(rs.getInt("rows_read"), rs.getInt("created_count"), rs.getInt("matched_count"),
                rs.getInt("rejected_count"), rs.getInt("warning_count"));
    }

    private static RowIssue issue(ResultSet rs, int row) throws SQLException {
        return new RowIssue(rs.getInt("line_number"), RowIssue.Severity.valueOf(rs.getString("severity")),
                rs.getString("column_name"), rs.getString("value"), rs.getString("reason"));
    }

    private static SavedMapping savedMapping(ResultSet rs, int row) throws SQLException {
        return new SavedMapping(rs.getLong("id"), rs.getString("name"),
                JSON.readValue(rs.getString("columns"), new TypeReference<LinkedHashMap<String, String>>() { }));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
