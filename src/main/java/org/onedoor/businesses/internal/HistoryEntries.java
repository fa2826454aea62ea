package org.onedoor.businesses.internal;

import java.util.ArrayList;
import java.util.List;

import org.onedoor.businesses.SourceReference;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The history rows of one registration, written together in one statement once the source record exists. */
final class HistoryEntries {

    enum Action { SET, CHANGED, ADDED, CONFLICT }

    private record Entry(Long establishmentId, String field, Action action, String oldValue, String newValue) {
    }

    private final List<Entry> entries = new ArrayList<>();

    void set(String field, Long establishmentId, String newValue) {
        entries.add(new Entry(establishmentId, field, Action.SET, null, newValue));
    }

    void added(String field, Long establishmentId, String newValue) {
        entries.add(new Entry(establishmentId, field, Action.ADDED, null, newValue));
    }

    /** Notes an incoming value that differs from the kept one and was not applied. */
    void conflict(String field, Long establishmentId, String keptValue, String incomingValue) {
        entries.add(new Entry(establishmentId, field, Action.CONFLICT, keptValue, incomingValue));
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    void write(JdbcClient jdbc, long businessId, SourceReference source, long sourceRecordId) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO business_history (business_id, establishment_id, field, action, old_value, new_value,
                                                      actor_user_id, partner_id, source_kind, source_record_id)
                        SELECT :businessId, e.establishment_id, e.field, e.action, e.old_value, e.new_value,
                               :userId, :partnerId, :kind, :sourceRecordId
                        FROM unnest(CAST(:establishmentIds AS bigint[]), CAST(:fields AS text[]), CAST(:actions AS text[]),
                                    CAST(:oldValues AS text[]), CAST(:newValues AS text[]))
                             WITH ORDINALITY AS e(establishment_id, field, action, old_value, new_value, position)
                        ORDER BY e.position
                        """)
                .param("businessId", businessId)
                .param("userId", source.userId())
                .param("partnerId", source.partnerId())
                .param("kind", source.kind())
                .param("sourceRecordId", sourceRecordId)
                .param("establishmentIds", entries.stream().map(Entry::establishmentId).toArray(Long[]::new))
                .param("fields", entries.stream().map(Entry::field).toArray(String[]::new))
                .param("actions", entries.stream().map(entry -> entry.action().name()).toArray(String[]::new))
                .param("oldValues", entries.stream().map(Entry::oldValue).toArray(String[]::new))
                .param("newValues", entries.stream().map(Entry::newValue).toArray(String[]::new))
                .update();
    }
}
