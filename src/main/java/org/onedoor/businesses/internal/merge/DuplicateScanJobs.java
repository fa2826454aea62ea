package org.onedoor.businesses.internal.merge;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.onedoor.shared.ConflictException;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The durable queue of duplicate scan jobs: starting one, reading its progress, and the worker's steps. */
@Service
public class DuplicateScanJobs {

    private static final Logger log = LoggerFactory.getLogger(DuplicateScanJobs.class);

    private final JdbcClient jdbc;

    DuplicateScanJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One duplicate scan with its progress.
     *
     * @param toId the last business id the scan covers, or {@code null} for every business after {@code fromId}
     * @param totalBusinesses the businesses in range when the scan started, or {@code null} before it started
     * @param failureReason why a FAILED scan stopped, or {@code null}
     */
    public record ScanJob(long id, String status, long fromId, Long toId, Integer totalBusinesses,
                          int businessesScanned, int pairsFound, OffsetDateTime requestedAt, OffsetDateTime startedAt,
                          OffsetDateTime finishedAt, int attempts, String failureReason) {

        public boolean finished() {
            return status.equals("DONE") || status.equals("FAILED");
        }

        /** Returns the share of businesses scanned, from 0 to 100, or 0 before the scan started. */
        public int percentDone() {
            if (totalBusinesses == null || totalBusinesses == 0) {
                return status.equals("DONE") ? 100 : 0;
            }
            return Math.min(100, businessesScanned * 100 / totalBusinesses);
        }
    }

    /**
     * Queues a scan of the businesses with ids above {@code fromId} and up to {@code toId}.
     *
     * @throws ConflictException when a scan is already queued or running, naming it
     */
    // Not @Transactional: after the unique index rejects the insert, the active scan is read in a new statement,
    // which an aborted transaction would reject.
    public ScanJob start(long fromId, Long toId, long userId) {
        if (fromId < 0) {
            throw new InvalidInputException("fromId", "fromId " + fromId + " is invalid. Send 0 or a business id.");
        }
        if (toId != null && toId <= fromId) {
            throw new InvalidInputException("toId", "toId " + toId + " is invalid: it must be greater than fromId "
                    + fromId + ". Leave it out to scan up to the last business.");
        }
        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO duplicate_scan (from_id, to_id, last_business_id, requested_by)
                            VALUES (:fromId, :toId, :fromId, :userId) RETURNING id
                            """)
                    .param("fromId", fromId)
                    .param("toId", toId)
                    .param("userId", userId)
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException running) {
            ScanJob active = active().orElseThrow(() -> running);
            throw new ConflictException("Duplicate scan " + active.id() + " is already " + active.status()
                    + ". Only one scan runs at a time. Follow its progress at /api/v1/duplicates/scans/"
                    + active.id() + " and start a new scan after it finishes.");
        }
        log.info("Duplicate scan {} queued by user {} for businesses {} to {}", id, userId, fromId,
                toId == null ? "the last" : toId);
        return find(id);
    }

    @Transactional(readOnly = true)
    public ScanJob find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(DuplicateScanJobs::job)
                .optional()
                .orElseThrow(() -> NotFoundException.of("Duplicate scan", id));
    }

    /** Returns the newest scans first, for the review page and the API. */
    @Transactional(readOnly = true)
    public List<ScanJob> latest(int limit) {
        return jdbc.sql(SELECT + " ORDER BY requested_at DESC, id DESC LIMIT :limit")
                .param("limit", limit)
                .query(DuplicateScanJobs::job)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<ScanJob> active() {
        return jdbc.sql(SELECT + " WHERE status IN ('QUEUED', 'RUNNING')")
                .query(DuplicateScanJobs::job)
                .optional();
    }

    /**
     * Claims the queued scan, or a running one without progress for {@code staleAfter}, for this worker. SKIP LOCKED
     * lets workers of several instances poll at once without waiting on each other or claiming the same scan.
     */
    Optional<ScanJob> claim(String workerId, java.time.Duration staleAfter) {
        Optional<Long> claimed = jdbc.sql("""
                        UPDATE duplicate_scan
                        SET status = 'RUNNING', claimed_by = :worker, heartbeat_at = now(), attempts = attempts + 1,
                            started_at = coalesce(started_at, now())
                        WHERE id = (SELECT id FROM duplicate_scan
                                    WHERE status = 'QUEUED'
                                       OR (status = 'RUNNING'
                                           AND heartbeat_at < now() - make_interval(secs => :staleSeconds))
                                    ORDER BY requested_at, id
                                    LIMIT 1
                                    FOR UPDATE SKIP LOCKED)
                        RETURNING id
                        """)
                .param("worker", workerId)
                .param("staleSeconds", (double) staleAfter.toSeconds())
                .query(Long.class)
                .optional();
        return claimed.map(this::find);
    }

    /** Returns the id of the last business of the last saved batch, where a resumed scan continues. */
    long lastBusinessId(long id) {
        return jdbc.sql("SELECT last_business_id FROM duplicate_scan WHERE id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    /** Counts the businesses the scan covers, once, when it first starts. */
    void countBusinesses(long id) {
        jdbc.sql("""
                        UPDATE duplicate_scan s
                        SET total_businesses = (SELECT count(*) FROM business b
                                                WHERE b.id > s.from_id AND (s.to_id IS NULL OR b.id <= s.to_id)
                                                  AND b.merged_into_id IS NULL)
                        WHERE s.id = :id AND s.total_businesses IS NULL
                        """)
                .param("id", id)
                .update();
    }

    /**
     * Saves one batch's progress in the batch's transaction; returns {@code false} when another worker has claimed
     * the scan since, so the caller rolls the batch back and stops.
     */
    boolean recordBatch(long id, String workerId, long lastBusinessId, int businessesScanned, int pairsFound) {
        return jdbc.sql("""
                        UPDATE duplicate_scan
                        SET last_business_id = :lastId, businesses_scanned = businesses_scanned + :scanned,
                            pairs_found = pairs_found + :found, heartbeat_at = now()
                        WHERE id = :id AND claimed_by = :worker AND status = 'RUNNING'
                        """)
                .param("lastId", lastBusinessId)
                .param("scanned", businessesScanned)
                .param("found", pairsFound)
                .param("id", id)
                .param("worker", workerId)
                .update() == 1;
    }

    boolean finish(long id, String workerId) {
        return jdbc.sql("""
                        UPDATE duplicate_scan SET status = 'DONE', finished_at = now(), heartbeat_at = now()
                        WHERE id = :id AND claimed_by = :worker AND status = 'RUNNING'
                        """)
                .param("id", id)
                .param("worker", workerId)
                .update() == 1;
    }

    void fail(long id, String reason) {
        jdbc.sql("""
                        UPDATE duplicate_scan SET status = 'FAILED', finished_at = now(), failure_reason = :reason
                        WHERE id = :id AND status IN ('QUEUED', 'RUNNING')
                        """)
                .param("id", id)
                .param("reason", reason)
                .update();
    }

    private static final String SELECT = """
            SELECT id, status, from_id, to_id, total_businesses, businesses_scanned, pairs_found, requested_at,
                   started_at, finished_at, attempts, failure_reason
            FROM duplicate_scan
            """;

    private static ScanJob job(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ScanJob(rs.getLong("id"), rs.getString("status"), rs.getLong("from_id"),
                rs.getObject("to_id", Long.class), rs.getObject("total_businesses", Integer.class),
                rs.getInt("businesses_scanned"), rs.getInt("pairs_found"),
                rs.getObject("requested_at", OffsetDateTime.class), rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class), rs.getInt("attempts"),
                rs.getString("failure_reason"));
    }
}
