package org.onedoor.businesses.internal.merge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.onedoor.businesses.BusinessesMergeUndone;
import org.onedoor.businesses.MergedRows;
import org.onedoor.shared.ConflictException;
import org.onedoor.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Undoes a merge from its log: moves every recorded row back to the merged business, restores the rows the merge
 * deleted and the survivor's overwritten fields, and makes the merged business active again. It rejects the undo
 * when either business, or a row of another module that the merge moved, changed after the merge, because the log
 * no longer describes their rows.
 */
@Service
public class MergeUndoService {

    private static final Logger log = LoggerFactory.getLogger(MergeUndoService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Tables whose moved rows the log lists by id. */
    private static final List<String> MOVED_BY_ID = List.of("business_history", "establishment", "business_contact",
            "business_source_record", "business_trade_name", "business_fact");

    private final JdbcClient jdbc;
    private final MergeService merges;
    private final ContactJoiner contacts;
    private final MergedRows mergedRows;
    private final ApplicationEventPublisher events;

    MergeUndoService(JdbcClient jdbc, MergeService merges, ContactJoiner contacts, MergedRows mergedRows,
                     ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.merges = merges;
        this.contacts = contacts;
        this.mergedRows = mergedRows;
        this.events = events;
    }

    /** One merge into a business, for the list of merges on its page. */
    public record MergeSummary(long id, long survivorId, long otherId, String otherName,
                               java.time.OffsetDateTime mergedAt, java.time.OffsetDateTime undoneAt) {
    }

    /**
     * One merge with what it recorded: the shared field choices, the number of rows of the businesses module it moved
     * per table, and each row of another module that it moved or changed. The logged row contents are left out,
     * because they include partner field values that only their partner may read.
     */
    public record MergeRecord(MergeSummary merge, JsonNode choices, Map<String, Integer> movedRowCounts,
                              List<MergedRows.Row> otherModuleRows, Map<String, Integer> otherModuleCounts) {
    }

    /**
     * Returns the merge with every row it moved.
     *
     * @throws NotFoundException when no merge has the id
     */
    @Transactional(readOnly = true)
    public MergeRecord record(long mergeId) {
        Map<String, Object> merge = jdbc.sql("""
                        SELECT survivor_id, choices::text AS choices, moved_rows::text AS moved_rows
                        FROM business_merge WHERE id = :id
                        """)
                .param("id", mergeId)
                .query((rs, row) -> Map.<String, Object>of("survivor", rs.getLong("survivor_id"), "choices",
                        rs.getString("choices"), "moved", rs.getString("moved_rows")))
                .optional()
                .orElseThrow(() -> NotFoundException.of("Merge", mergeId));
        MergeSummary summary = mergesInto((Long) merge.get("survivor")).stream()
                .filter(candidate -> candidate.id() == mergeId)
                .findFirst()
                .orElseThrow();
        Map<String, Integer> movedRowCounts = new java.util.LinkedHashMap<>();
        JSON.readTree((String) merge.get("moved")).properties()
                .forEach(entry -> movedRowCounts.put(entry.getKey(), entry.getValue().size()));
        return new MergeRecord(summary, JSON.readTree((String) merge.get("choices")), movedRowCounts,
                mergedRows.rows(mergeId), mergedRows.counts(mergeId));
    }

    /** Returns the number of rows of other modules that each merge into the business moved, by merge id. */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, Integer>> otherModuleCounts(long survivorId) {
        Map<Long, Map<String, Integer>> counts = new java.util.LinkedHashMap<>();
        mergesInto(survivorId).forEach(merge -> counts.put(merge.id(), mergedRows.counts(merge.id())));
        return counts;
    }

    @Transactional(readOnly = true)
    public List<MergeSummary> mergesInto(long survivorId) {
        return jdbc.sql("""
                        SELECT m.id, m.survivor_id, m.other_id, b.legal_name, m.merged_at, m.undone_at
                        FROM business_merge m JOIN business b ON b.id = m.other_id
                        WHERE m.survivor_id = :id ORDER BY m.merged_at DESC, m.id DESC
                        """)
                .param("id", survivorId)
                .query((rs, row) -> new MergeSummary(rs.getLong("id"), rs.getLong("survivor_id"),
                        rs.getLong("other_id"), rs.getString("legal_name"),
                        rs.getObject("merged_at", java.time.OffsetDateTime.class),
                        rs.getObject("undone_at", java.time.OffsetDateTime.class)))
                .list();
    }

    /**
     * Undoes the merge.
     *
     * @throws NotFoundException when no merge has the id
     * @throws ConflictException when the merge was already undone or either business changed after it
     */
    @Transactional
    public MergeSummary undo(long mergeId, long userId) {
        Map<String, Object> merge = jdbc.sql("""
                        SELECT survivor_id, other_id, choices::text AS choices, moved_rows::text AS moved_rows,
                               undone_at IS NOT NULL AS undone
                        FROM business_merge WHERE id = :id FOR UPDATE
                        """)
                .param("id", mergeId)
                .query((rs, row) -> Map.<String, Object>of("survivor", rs.getLong("survivor_id"), "other",
                        rs.getLong("other_id"), "choices", rs.getString("choices"), "moved", rs.getString("moved_rows"),
                        "undone", rs.getBoolean("undone")))
                .optional()
                .orElseThrow(() -> NotFoundException.of("Merge", mergeId));
        long survivorId = (Long) merge.get("survivor");
        long otherId = (Long) merge.get("other");
        if ((Boolean) merge.get("undone")) {
            throw new ConflictException("Merge " + mergeId + " was already undone.");
        }
        jdbc.sql("SELECT id FROM business WHERE id IN (:a, :b) ORDER BY id FOR UPDATE")
                .param("a", survivorId).param("b", otherId).query(Long.class).list();
        List<String> changes = changesSince(mergeId, survivorId, otherId);
        if (!changes.isEmpty()) {
            throw new ConflictException("Merge " + mergeId + " cannot be undone because the businesses changed after "
                    + "it: " + String.join("; ", changes) + ". Undo works only while neither business has changed.");
        }
        mergedRows.checkUnchanged(mergeId);
        // Rows of other modules come back first, because the merge moved them last.
        mergedRows.restore(mergeId);

        JsonNode moved = JSON.readTree((String) merge.get("moved"));
        JsonNode choices = JSON.readTree((String) merge.get("choices"));
        jdbc.sql("DELETE FROM business_history WHERE merge_id = :mergeId").param("mergeId", mergeId).update();
        // Provenance rows that the merge's own history rows wrote carry the merge's transaction time.
        jdbc.sql("""
                        DELETE FROM business_fact f USING business_merge m
                        WHERE m.id = :mergeId AND f.business_id = :survivorId AND f.collected_at = m.merged_at
                        """)
                .param("mergeId", mergeId)
                .param("survivorId", survivorId)
                .update();
        // Joined contacts come back first, because moved provenance and history rows name them.
        contacts.undo(moved.get("joined_contacts"));
        for (String table : MOVED_BY_ID) {
            jdbc.sql("UPDATE " + table + " SET business_id = :otherId WHERE id = ANY (CAST(:ids AS bigint[]))")
                    .param("otherId", otherId)
                    .param("ids", longs(moved.get(table)))
                    .update();
        }
        jdbc.sql("""
                        UPDATE partner_field_value SET business_id = :otherId
                        WHERE business_id = :survivorId AND field_id = ANY (CAST(:ids AS bigint[]))
                        """)
                .param("otherId", otherId)
                .param("survivorId", survivorId)
                .param("ids", longs(moved.get("partner_field_value")))
                .update();
        for (JsonNode name : iterable(moved.get("removed_trade_names"))) {
            jdbc.sql("""
                            INSERT INTO business_trade_name (id, business_id, name, name_key, created_at)
                            OVERRIDING SYSTEM VALUE
                            VALUES (:id, :otherId, :name, :key, CAST(:createdAt AS timestamptz))
                            """)
                    .param("id", name.get("id").asLong())
                    .param("otherId", otherId)
                    .param("name", name.get("name").asString())
                    .param("key", name.get("name_key").asString())
                    .param("createdAt", name.get("created_at").asString())
                    .update();
        }
        for (JsonNode value : iterable(moved.get("kept_partner_field_values"))) {
            jdbc.sql("""
                            INSERT INTO partner_field_value (business_id, field_id, value, user_id, partner_id,
                                                             source_kind, collected_at)
                            VALUES (:otherId, :fieldId, :value, :userId, :partnerId, :kind,
                                    CAST(:collectedAt AS timestamptz))
                            """)
                    .param("otherId", otherId)
                    .param("fieldId", value.get("field_id").asLong())
                    .param("value", value.get("value").asString())
                    .param("userId", nullableLong(value.get("user_id")))
                    .param("partnerId", nullableLong(value.get("partner_id")))
                    .param("kind", value.get("source_kind").asString())
                    .param("collectedAt", value.get("collected_at").asString())
                    .update();
        }
        restoreFields(survivorId, otherId, choices);
        for (JsonNode fact : iterable(moved.get("deleted_business_facts"))) {
            jdbc.sql("""
                            INSERT INTO business_fact OVERRIDING SYSTEM VALUE
                            SELECT * FROM jsonb_populate_record(NULL::business_fact, CAST(:row AS jsonb))
                            """)
                    .param("row", JSON.writeValueAsString(fact))
                    .update();
        }
        jdbc.sql("UPDATE business SET merged_into_id = NULL, merged_at = NULL, merged_by = NULL WHERE id = :id")
                .param("id", otherId)
                .update();
        jdbc.sql("""
                        UPDATE duplicate_pair SET status = 'OPEN', decided_by = NULL, decided_at = NULL
                        WHERE status = 'MERGED' AND (lower_id = :otherId OR higher_id = :otherId)
                          AND decided_at = (SELECT merged_at FROM business_merge WHERE id = :mergeId)
                        """)
                .param("otherId", otherId)
                .param("mergeId", mergeId)
                .update();
        jdbc.sql("UPDATE business_merge SET undone_at = now(), undone_by = :userId WHERE id = :id")
                .param("userId", userId)
                .param("id", mergeId)
                .update();
        events.publishEvent(new BusinessesMergeUndone(mergeId, survivorId, otherId, userId));
        log.info("Merge {} of business {} into business {} undone by user {}", mergeId, otherId, survivorId, userId);
        return mergesInto(survivorId).stream().filter(summary -> summary.id() == mergeId).findFirst().orElseThrow();
    }

    /** Names what changed on either business after the merge, from history rows and row timestamps. */
    private List<String> changesSince(long mergeId, long survivorId, long otherId) {
        List<String> changes = new ArrayList<>();
        for (long businessId : List.of(survivorId, otherId)) {
            List<String> fields = jdbc.sql("""
                            SELECT DISTINCT h.field FROM business_history h, business_merge m
                            WHERE m.id = :mergeId AND h.business_id = :businessId AND h.changed_at > m.merged_at
                            ORDER BY h.field
                            """)
                    .param("mergeId", mergeId)
                    .param("businessId", businessId)
                    .query(String.class)
                    .list();
            boolean rowsChanged = jdbc.sql("""
                            SELECT EXISTS (SELECT 1 FROM business_merge m
                                           WHERE m.id = :mergeId AND (
                                               EXISTS (SELECT 1 FROM business b WHERE b.id = :businessId
                                                       AND b.updated_at > m.merged_at)
                                               OR EXISTS (SELECT 1 FROM establishment e WHERE e.business_id = :businessId
                                                          AND e.updated_at > m.merged_at)
                                               OR EXISTS (SELECT 1 FROM business_contact c WHERE c.business_id = :businessId
                                                          AND c.updated_at > m.merged_at)))
                            """)
                    .param("mergeId", mergeId)
                    .param("businessId", businessId)
                    .query(Boolean.class)
                    .single();
            if (!fields.isEmpty()) {
                changes.add("business " + businessId + " has changes to " + String.join(", ", fields));
            } else if (rowsChanged) {
                changes.add("business " + businessId + " or one of its establishments or contacts was edited");
            }
        }
        return changes;
    }

    private void restoreFields(long survivorId, long otherId, JsonNode choices) {
        JsonNode fein = choices.get("fein");
        if (fein != null) {
            merges.setField(survivorId, "fein", null);
            merges.setField(otherId, "fein", fein.get("other").asString());
        }
        for (String field : MergeService.CHOSEN_FIELDS) {
            JsonNode choice = choices.get(field);
            if (choice != null && "other".equals(choice.get("chosen").asString())) {
                JsonNode old = choice.get("survivor");
                merges.setField(survivorId, field, old == null || old.isNull() ? null : old.asString());
            }
        }
    }

    private static Long[] longs(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        for (JsonNode id : iterable(array)) {
            ids.add(id.asLong());
        }
        return ids.toArray(Long[]::new);
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        return array == null ? List.of() : array;
    }

    private static Long nullableLong(JsonNode value) {
        return value == null || value.isNull() ? null : value.asLong();
    }
}
