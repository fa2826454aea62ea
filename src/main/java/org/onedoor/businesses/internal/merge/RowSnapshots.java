package org.onedoor.businesses.internal.merge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Captures table rows as JSON before a change and writes them back on undo, and points the foreign keys of other
 * tables from one row to another. Table and column names come from code or from the catalog through quote_ident,
 * never from a request.
 */
@Component
class RowSnapshots {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    RowSnapshots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A single-column foreign key to a table, in a table with a single-column primary key. */
    record Reference(String table, String column, String primaryKey) {
    }

    /**
     * Returns the rows of {@code table} matching {@code where}, which may use the parameters {@code :establishments}
     * and {@code :contacts}, as JSON objects in id order.
     */
    List<Map<String, Object>> capture(String table, String where, Long[] establishments, Long[] contacts) {
        List<Map<String, Object>> rows = new ArrayList<>();
        jdbc.sql("SELECT to_jsonb(t)::text FROM " + table + " t WHERE " + where + " ORDER BY id")
                .param("establishments", establishments)
                .param("contacts", contacts)
                .query(String.class)
                .list()
                .forEach(row -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> values = JSON.readValue(row, Map.class);
                    rows.add(values);
                });
        return rows;
    }

    /** Writes each captured row back: inserts it with its id when it was deleted, or sets every column otherwise. */
    void restore(String table, JsonNode rows) {
        if (rows == null || rows.isEmpty()) {
            return;
        }
        List<String> columns = writableColumns(table);
        String columnList = String.join(", ", columns);
        String updates = columns.stream().filter(column -> !column.equals("id"))
                .map(column -> column + " = excluded." + column)
                .collect(Collectors.joining(", "));
        String sql = "INSERT INTO " + table + " (" + columnList + ") OVERRIDING SYSTEM VALUE SELECT " + columnList
                + " FROM jsonb_populate_record(NULL::" + table + ", CAST(:row AS jsonb)) ON CONFLICT (id) DO UPDATE SET "
                + updates;
        for (JsonNode row : rows) {
            jdbc.sql(sql).param("row", JSON.writeValueAsString(row)).update();
        }
    }

    /** Returns the foreign keys to {@code table} from tables other than {@code handled}. */
    List<Reference> referencesTo(String table, List<String> handled) {
        // NOTE: a referencing table without a single-column primary key is left out, so its rows still name the
        // deleted row and the delete fails, rolling the merge back. No such table exists yet.
        return jdbc.sql("""
                        SELECT quote_ident(t.relname) AS table_name, quote_ident(a.attname) AS column_name,
                               quote_ident(pa.attname) AS primary_key
                        FROM pg_constraint c
                        JOIN pg_class t ON t.oid = c.conrelid
                        JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
                        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                        JOIN pg_constraint p ON p.conrelid = c.conrelid AND p.contype = 'p'
                                             AND cardinality(p.conkey) = 1
                        JOIN pg_attribute pa ON pa.attrelid = p.conrelid AND pa.attnum = p.conkey[1]
                        WHERE c.contype = 'f' AND c.confrelid = CAST(:table AS regclass)
                          AND cardinality(c.conkey) = 1
                        ORDER BY 1, 2
                        """)
                .param("table", table)
                .query((rs, row) -> new Reference(rs.getString("table_name"), rs.getString("column_name"),
                        rs.getString("primary_key")))
                .list()
                .stream()
                .filter(reference -> !handled.contains(reference.table()))
                .toList();
    }

    /** Points each reference from row {@code fromId} to row {@code toId}, returning the changed rows' keys as text. */
    List<Map<String, Object>> moveReferences(List<Reference> references, long fromId, long toId) {
        List<Map<String, Object>> moved = new ArrayList<>();
        for (Reference reference : references) {
            List<String> keys = jdbc.sql("UPDATE " + reference.table() + " SET " + reference.column() + " = :toId WHERE "
                            + reference.column() + " = :fromId RETURNING " + reference.primaryKey() + "::text")
                    .param("toId", toId)
                    .param("fromId", fromId)
                    .query(String.class)
                    .list();
            if (!keys.isEmpty()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("table", reference.table());
                entry.put("column", reference.column());
                entry.put("from_id", fromId);
                entry.put("keys", keys);
                moved.add(entry);
            }
        }
        return moved;
    }

    /** Points the rows that {@link #moveReferences} changed back to the row they named before. */
    void restoreReferences(JsonNode moved, String table) {
        if (moved == null) {
            return;
        }
        List<Reference> known = referencesTo(table, List.of());
        for (JsonNode entry : moved) {
            Reference reference = known.stream()
                    .filter(candidate -> candidate.table().equals(entry.get("table").asString())
                            && candidate.column().equals(entry.get("column").asString()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("Column " + entry.get("table").asString() + "."
                            + entry.get("column").asString() + " no longer refers to " + table));
            List<String> keys = new ArrayList<>();
            entry.get("keys").forEach(key -> keys.add(key.asString()));
            jdbc.sql("UPDATE " + reference.table() + " SET " + reference.column() + " = :fromId WHERE "
                            + reference.primaryKey() + "::text = ANY (CAST(:keys AS text[]))")
                    .param("fromId", entry.get("from_id").asLong())
                    .param("keys", keys.toArray(String[]::new))
                    .update();
        }
    }

    private List<String> writableColumns(String table) {
        return jdbc.sql("""
                        SELECT quote_ident(column_name) FROM information_schema.columns
                        WHERE table_schema = current_schema() AND table_name = :table AND is_generated = 'NEVER'
                        ORDER BY ordinal_position
                        """)
                .param("table", table)
                .query(String.class)
                .list();
    }
}
