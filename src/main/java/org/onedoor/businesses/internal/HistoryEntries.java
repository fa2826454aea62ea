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
        bind(jdbc.sql("INSERT INTO business_history (" + COLUMNS + ") " + rowsSelect(":sourceRecordId")), businessId, source)
                .param("sourceRecordId", sourceRecordId)
                .update();
    }

    static final String COLUMNS = """
            business_id, establishment_id, field, action, old_value, new_value, actor_user_id, partner_id, source_kind,
            source_record_id""";

    /**
     * Returns the SELECT of these rows in order, with parameters {@code businessId}, {@code userId},
     * {@code partnerId}, {@code kind} and the arrays bound by {@link #bind}.
     *
     * @param sourceRecordId the SQL expression for the source record's id
     */
    static String rowsSelect(String sourceRecordId) {
        return """
                SELECT :businessId, e.establishment_id, e.field, e.action, e.old_value, e.new_value,
                       :userId, :partnerId, :kind, %s
                FROM unnest(CAST(:establishmentIds AS bigint[]), CAST(:fields AS text[]), CAST(:actions AS text[]),
                            CAST(:oldValues AS text[]), CAST(:newValues AS text[]))
                     WITH ORDINALITY AS e(establishment_id, field, action, old_value, new_value, position)
                ORDER BY e.position
                """.formatted(sourceRecordId);
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, long businessId, SourceReference source) {
        return statement
                .param("businessId", businessId)
                .param("userId", source.userId())
                .param("partnerId", source.partnerId())
                .param("kind", source.kind())
                .param("establishmentIds", entries.stream().map(Entry::establishmentId).toArray(Long[]::new))
                .param("fields", entries.stream().map(Entry::field).toArray(String[]::new))
                .param("actions", entries.stream().map(entry -> entry.action().name()).toArray(String[]::new))
                .param("oldValues", entries.stream().map(Entry::oldValue).toArray(String[]::new))
                .param("newValues", entries.stream().map(Entry::newValue).toArray(String[]::new));
    }
}
