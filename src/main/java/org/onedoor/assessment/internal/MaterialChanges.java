package org.onedoor.assessment.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the first material change of a business since a moment, from the business profile's tables. A material
 * change is a layoff or closure announced (the profile's layoff fact set to yes), another business merged into it
 * and not undone, or an establishment added other than by such a merge. History rows that a merge moved here from the other business count
 * as that merger only.
 */
@Component
class MaterialChanges {

    private final JdbcClient jdbc;

    MaterialChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param detail the merged business's legal name, or the new establishment's address; {@code null} for a layoff */
    record Change(StartReason reason, Instant at, String detail) {
    }

    Optional<Change> firstSince(long businessId, Instant since) {
        // A merge moves the other business's history rows here with their own times; they count as the merger.
        return jdbc.sql("""
                        WITH moved AS (
                            SELECT jsonb_array_elements_text(m.moved_rows -> 'business_history')::bigint AS history_id
                            FROM business_merge m
                            WHERE m.survivor_id = :id AND m.undone_at IS NULL AND m.merged_at > :since
                        )
                        SELECT kind, at, detail FROM (
                            SELECT 'LAYOFF' AS kind, h.changed_at AS at, NULL AS detail
                            FROM business_history h
                            WHERE h.business_id = :id AND h.field = 'layoff_announced' AND h.new_value = 'true'
                              AND h.action IN ('SET', 'CHANGED') AND h.changed_at > :since
                              AND NOT EXISTS (SELECT 1 FROM moved WHERE moved.history_id = h.id)
                            UNION ALL
                            SELECT 'MERGER', m.merged_at, other.legal_name
                            FROM business_merge m
                            JOIN business other ON other.id = m.other_id
                            WHERE m.survivor_id = :id AND m.undone_at IS NULL AND m.merged_at > :since
                            UNION ALL
                            SELECT 'NEW_ESTABLISHMENT', h.changed_at, h.new_value
                            FROM business_history h
                            WHERE h.business_id = :id AND h.field = 'establishment' AND h.action = 'ADDED'
                              AND h.merge_id IS NULL AND h.changed_at > :since
                              AND NOT EXISTS (SELECT 1 FROM moved WHERE moved.history_id = h.id)
                        ) changes
                        ORDER BY at, kind
                        LIMIT 1""")
                .param("id", businessId)
                .param("since", Timestamp.from(since))
                .query((row, rowNumber) -> new Change(StartReason.valueOf(row.getString("kind")),
                        row.getTimestamp("at").toInstant(), row.getString("detail")))
                .optional();
    }
}
