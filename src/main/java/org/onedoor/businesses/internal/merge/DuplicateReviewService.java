package org.onedoor.businesses.internal.merge;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.onedoor.businesses.DuplicateCandidate;
import org.onedoor.businesses.DuplicateCheck;
import org.onedoor.businesses.PlaceholderNames;
import org.onedoor.shared.ConflictException;
import org.onedoor.shared.NotFoundException;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.ObjectMapper;

/**
 * Fills the duplicate review queue by running the duplicate check, with similar names, for every business that is
 * not merged, and records the staff's decisions on each pair.
 */
@Service
public class DuplicateReviewService {

    private static final Logger log = LoggerFactory.getLogger(DuplicateReviewService.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final DuplicateCheck duplicateCheck;

    DuplicateReviewService(JdbcClient jdbc, DuplicateCheck duplicateCheck) {
        this.jdbc = jdbc;
        this.duplicateCheck = duplicateCheck;
    }

    /**
     * One candidate pair in the queue, with both businesses' legal names.
     *
     * @param reasons the facts behind the score, strongest first
     */
    public record Pair(long id, long lowerId, String lowerName, long higherId, String higherName, double score,
                       List<String> reasons, String status, OffsetDateTime foundAt, Long decidedBy,
                       OffsetDateTime decidedAt) {
    }

    /**
     * The outcome of one scan batch.
     *
     * @param lastCheckedId the id of the last business checked, or {@code null} when none was in range
     * @param more whether businesses in range remain after this batch
     */
    public record ScanResult(int businessesChecked, int pairsFound, Long lastCheckedId, boolean more) {
    }

    /**
     * Checks up to {@code limit} businesses with ids above {@code fromId} and up to {@code toId} ({@code null} for no
     * upper bound), in id order, and stores every pair scoring at least {@link DuplicateCheck#LIKELY_DUPLICATE_SCORE}.
     * A pair already in the queue gets its new score while it is OPEN; a DISMISSED or MERGED pair is left as it is,
     * so a dismissed pair is never proposed again. Businesses with a placeholder name such as "Case Name" are never
     * paired, because their name is no evidence.
     */
    public ScanResult scan(long fromId, Long toId, int limit) {
        List<Map<String, Object>> businesses = jdbc.sql("""
                        SELECT id, legal_name FROM business
                        WHERE id > :fromId AND (CAST(:toId AS bigint) IS NULL OR id <= :toId) AND merged_into_id IS NULL
                        ORDER BY id LIMIT :limit
                        """)
                .param("fromId", fromId)
                .param("toId", toId)
                .param("limit", limit + 1)
                .query()
                .listOfRows();
        boolean more = businesses.size() > limit;
        List<Map<String, Object>> batch = more ? businesses.subList(0, limit) : businesses;
        int found = 0;
        for (Map<String, Object> business : batch) {
            long id = ((Number) business.get("id")).longValue();
            if (PlaceholderNames.isPlaceholder((String) business.get("legal_name"))) {
                continue;
            }
            for (DuplicateCandidate candidate : duplicateCheck.findDuplicatesOf(id)) {
                if (candidate.score() >= DuplicateCheck.LIKELY_DUPLICATE_SCORE
                        && !PlaceholderNames.isPlaceholder(candidate.legalName()) && store(id, candidate)) {
                    found++;
                }
            }
        }
        log.debug("Duplicate scan from business {} checked {} businesses and stored {} pairs", fromId, batch.size(),
                found);
        Long lastId = batch.isEmpty() ? null : ((Number) batch.get(batch.size() - 1).get("id")).longValue();
        return new ScanResult(batch.size(), found, lastId, more);
    }

    private boolean store(long businessId, DuplicateCandidate candidate) {
        long lower = Math.min(businessId, candidate.id());
        long higher = Math.max(businessId, candidate.id());
        return jdbc.sql("""
                        INSERT INTO duplicate_pair (lower_id, higher_id, score, reasons)
                        SELECT :lower, :higher, :score, CAST(:reasons AS jsonb)
                        WHERE NOT EXISTS (SELECT 1 FROM business b
                                          WHERE b.id IN (:lower, :higher) AND b.merged_into_id IS NOT NULL)
                        ON CONFLICT (lower_id, higher_id) DO UPDATE
                            SET score = excluded.score, reasons = excluded.reasons
                            WHERE duplicate_pair.status = 'OPEN'
                        """)
                .param("lower", lower)
                .param("higher", higher)
                .param("score", candidate.score())
                .param("reasons", JSON.writeValueAsString(candidate.reasons()))
                .update() > 0;
    }

    /** Returns one page of pairs with the given status, highest score first. */
    @Transactional(readOnly = true)
    public ResultPage<Pair> list(String status, PageRequest page) {
        List<Pair> items = jdbc.sql(PAIR_SQL + " WHERE p.status = :status ORDER BY p.score DESC, p.id LIMIT :limit OFFSET :offset")
                .param("status", status)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(DuplicateReviewService::pair)
                .list();
        long total = jdbc.sql("SELECT count(*) FROM duplicate_pair WHERE status = :status")
                .param("status", status)
                .query(Long.class)
                .single();
        return ResultPage.of(items, page, total);
    }

    @Transactional(readOnly = true)
    public Pair find(long pairId) {
        return jdbc.sql(PAIR_SQL + " WHERE p.id = :id")
                .param("id", pairId)
                .query(DuplicateReviewService::pair)
                .optional()
                .orElseThrow(() -> NotFoundException.of("Duplicate pair", pairId));
    }

    /**
     * Marks an OPEN pair as dismissed, so no later scan proposes it again.
     *
     * @throws ConflictException when the pair was already merged or dismissed
     */
    @Transactional
    public Pair dismiss(long pairId, long userId) {
        Pair pair = find(pairId);
        int updated = jdbc.sql("""
                        UPDATE duplicate_pair SET status = 'DISMISSED', decided_by = :userId, decided_at = now()
                        WHERE id = :id AND status = 'OPEN'
                        """)
                .param("id", pairId)
                .param("userId", userId)
                .update();
        if (updated == 0) {
            throw new ConflictException("Duplicate pair " + pairId + " is already " + pair.status()
                    + ". Only OPEN pairs can be dismissed.");
        }
        log.info("Duplicate pair {} dismissed by user {}", pairId, userId);
        return find(pairId);
    }

    private static final String PAIR_SQL = """
            SELECT p.id, p.lower_id, l.legal_name AS lower_name, p.higher_id, h.legal_name AS higher_name, p.score,
                   p.reasons::text AS reasons, p.status, p.found_at, p.decided_by, p.decided_at
            FROM duplicate_pair p
            JOIN business l ON l.id = p.lower_id
            JOIN business h ON h.id = p.higher_id
            """;

    private static Pair pair(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long decidedBy = rs.getLong("decided_by");
        Long decider = rs.wasNull() ? null : decidedBy;
        List<String> reasons = List.of(JSON.readValue(rs.getString("reasons"), String[].class));
        return new Pair(rs.getLong("id"), rs.getLong("lower_id"), rs.getString("lower_name"), rs.getLong("higher_id"),
                rs.getString("higher_name"), rs.getDouble("score"), reasons, rs.getString("status"),
                rs.getObject("found_at", OffsetDateTime.class), decider,
                rs.getObject("decided_at", OffsetDateTime.class));
    }
}
