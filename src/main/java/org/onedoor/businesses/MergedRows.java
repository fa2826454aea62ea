package org.onedoor.businesses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.onedoor.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

/**
 * The log of rows that other modules change in a business merge, in {@code business_merge_row}. A module changes its
 * rows through a {@link Recorder}, which keeps each row as it was before and after, so that the merge record lists
 * every row and undo can write each one back exactly. Table names and SQL fragments come from code, never from a
 * request.
 */
@Component
public class MergedRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    MergedRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row a merge changed. {@code key} contains its primary key columns after the merge, or before a removal. */
    public record Row(long id, String module, String table, String action, Map<String, Object> key) {
    }

    /** Returns a recorder for one module's changes in the merge. */
    public Recorder recorder(BusinessesMerged merge, String module) {
        return new Recorder(merge, module);
    }

    /**
     * Changes the rows of one module in one merge. Every fragment may use the parameters {@code :survivorId},
     * {@code :otherId}, {@code :mergeId} and {@code :userId}, and names the changed table {@code t}.
     */
    public final class Recorder {

        private final BusinessesMerged merge;
        private final String module;

        private Recorder(BusinessesMerged merge, String module) {
            this.merge = merge;
            this.module = module;
        }

        /** Moves the rows of {@code table} matching {@code where} to the survivor, returning how many moved. */
        public int move(String table, String where) {
            return change(table, "MOVED", "business_id = :survivorId", where);
        }

        /**
         * Sets {@code set} on the rows of {@code table} matching {@code where} and records them with {@code action}
         * (MOVED, ENDED, CLOSED or SET_ASIDE), returning how many changed.
         */
        public int change(String table, String action, String set, String where) {
            // The join on ctid pairs each updated row with its version before the update, because RETURNING gives
            // only the new values. Repeating the condition outside lets the update use the table's indexes.
            List<String[]> rows = params(jdbc.sql("UPDATE " + table + " t SET " + set + " FROM (SELECT t.ctid AS old_ctid,"
                            + " to_jsonb(t) AS old_row FROM " + table + " t WHERE " + where + " FOR UPDATE) old"
                            + " WHERE t.ctid = old.old_ctid AND " + where + " RETURNING " + keyObject(table)
                            + "::text, old.old_row::text, to_jsonb(t)::text"))
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                    .list();
            for (String[] row : rows) {
                insert(merge.mergeId(), module, table, action, row[0], row[1], row[2]);
            }
            return rows.size();
        }

        /** Deletes the rows of {@code table} matching {@code where}, returning how many were deleted. */
        public int remove(String table, String where) {
            List<String[]> rows = params(jdbc.sql("DELETE FROM " + table + " t WHERE " + where + " RETURNING "
                            + keyObject(table) + "::text, to_jsonb(t)::text"))
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                    .list();
            for (String[] row : rows) {
                insert(merge.mergeId(), module, table, "REMOVED", row[0], row[1], null);
            }
            return rows.size();
        }

        private JdbcClient.StatementSpec params(JdbcClient.StatementSpec statement) {
            return statement.param("survivorId", merge.survivorId())
                    .param("otherId", merge.otherId())
                    .param("mergeId", merge.mergeId())
                    .param("userId", merge.userId());
        }
    }

    /** Lists every row the merge changed, in the order they were changed. */
    public List<Row> rows(long mergeId) {
        return jdbc.sql("""
                        SELECT id, module, table_name, action, row_key::text AS row_key
                        FROM business_merge_row WHERE merge_id = :mergeId ORDER BY id
                        """)
                .param("mergeId", mergeId)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("module"), rs.getString("table_name"),
                        rs.getString("action"), object(rs.getString("row_key"))))
                .list();
    }

    /** Returns the number of rows the merge changed per table, in the order the tables were first changed. */
    public Map<String, Integer> counts(long mergeId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        rows(mergeId).forEach(row -> counts.merge(row.table(), 1, Integer::sum));
        return counts;
    }

    /**
     * Rejects the undo of a merge when a row it changed differs from the row the merge left, or a row it removed
     * exists again.
     *
     * @throws ConflictException naming up to five changed rows
     */
    public void checkUnchanged(long mergeId) {
        List<String> changed = new ArrayList<>();
        for (Stored row : stored(mergeId)) {
            String current = current(row.table(), row.key());
            boolean same = row.after() == null ? current == null
                    : current != null && jdbc.sql("SELECT CAST(:a AS jsonb) = CAST(:b AS jsonb)")
                    .param("a", current)
                    .param("b", row.after())
                    .query(Boolean.class)
                    .single();
            if (!same) {
                changed.add(row.table() + " " + keyText(row.key()) + (row.after() == null ? " was added again"
                        : current == null ? " was deleted" : " was changed"));
            }
        }
        if (!changed.isEmpty()) {
            String listed = String.join("; ", changed.subList(0, Math.min(5, changed.size())))
                    + (changed.size() > 5 ? "; and " + (changed.size() - 5) + " more" : "");
            throw new ConflictException("Merge " + mergeId + " cannot be undone because rows it moved changed after "
                    + "it: " + listed + ". Undo works only while every moved row is as the merge left it.");
        }
    }

    /** Writes every row the merge changed or removed back as it was before the merge, newest change first. */
    public void restore(long mergeId) {
        List<Stored> rows = new ArrayList<>(stored(mergeId));
        java.util.Collections.reverse(rows);
        for (Stored row : rows) {
            List<String> columns = writableColumns(row.table());
            String columnList = String.join(", ", columns);
            if (row.after() == null) {
                jdbc.sql("INSERT INTO " + row.table() + " (" + columnList + ") OVERRIDING SYSTEM VALUE SELECT "
                                + columnList + " FROM jsonb_populate_record(NULL::" + row.table()
                                + ", CAST(:before AS jsonb))")
                        .param("before", row.before())
                        .update();
            } else {
                List<String> settable = columns.stream().filter(column -> !identityColumns(row.table())
                        .contains(column)).toList();
                jdbc.sql("UPDATE " + row.table() + " t SET (" + String.join(", ", settable) + ") = (SELECT "
                                + String.join(", ", settable) + " FROM jsonb_populate_record(NULL::" + row.table()
                                + ", CAST(:before AS jsonb))) WHERE " + keyMatch(row.table()))
                        .param("before", row.before())
                        .param("key", row.key())
                        .update();
            }
        }
    }

    private record Stored(String table, String key, String before, String after) {
    }

    private List<Stored> stored(long mergeId) {
        return jdbc.sql("""
                        SELECT table_name, row_key::text AS row_key, before::text AS before, after::text AS after
                        FROM business_merge_row WHERE merge_id = :mergeId ORDER BY id
                        """)
                .param("mergeId", mergeId)
                .query((rs, n) -> new Stored(rs.getString("table_name"), rs.getString("row_key"),
                        rs.getString("before"), rs.getString("after")))
                .list();
    }

    private String current(String table, String key) {
        return jdbc.sql("SELECT to_jsonb(t)::text FROM " + table + " t WHERE " + keyMatch(table))
                .param("key", key)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private void insert(long mergeId, String module, String table, String action, String key, String before,
                        String after) {
        jdbc.sql("""
                        INSERT INTO business_merge_row (merge_id, module, table_name, row_key, action, before, after)
                        VALUES (:mergeId, :module, :table, CAST(:key AS jsonb), :action, CAST(:before AS jsonb),
                                CAST(:after AS jsonb))
                        """)
                .param("mergeId", mergeId)
                .param("module", module)
                .param("table", table)
                .param("key", key)
                .param("action", action)
                .param("before", before)
                .param("after", after)
                .update();
    }

    /** Returns a SQL expression that builds the primary key of a row of {@code table}, aliased t, as a JSON object. */
    private String keyObject(String table) {
        return primaryKey(table).stream().map(column -> "'" + column + "', t." + column)
                .collect(Collectors.joining(", ", "jsonb_build_object(", ")"));
    }

    /** Returns a condition on {@code t} that matches the row whose primary key is in the parameter {@code :key}. */
    private String keyMatch(String table) {
        List<String> key = primaryKey(table);
        String columns = key.stream().map(column -> "t." + column).collect(Collectors.joining(", "));
        return "(" + columns + ") = (SELECT " + String.join(", ", key) + " FROM jsonb_populate_record(NULL::" + table
                + ", CAST(:key AS jsonb)))";
    }

    private List<String> primaryKey(String table) {
        List<String> columns = jdbc.sql("""
                        SELECT a.attname FROM pg_constraint c
                        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
                        WHERE c.contype = 'p' AND c.conrelid = CAST(:table AS regclass)
                        ORDER BY array_position(c.conkey, a.attnum)
                        """)
                .param("table", table)
                .query(String.class)
                .list();
        if (columns.isEmpty()) {
            throw new IllegalStateException("Table " + table + " has no primary key, so merged rows cannot be logged");
        }
        return columns;
    }

    private List<String> writableColumns(String table) {
        return jdbc.sql("""
                        SELECT column_name FROM information_schema.columns
                        WHERE table_schema = current_schema() AND table_name = :table AND is_generated = 'NEVER'
                        ORDER BY ordinal_position
                        """)
                .param("table", table)
                .query(String.class)
                .list();
    }

    private List<String> identityColumns(String table) {
        return jdbc.sql("""
                        SELECT column_name FROM information_schema.columns
                        WHERE table_schema = current_schema() AND table_name = :table AND is_identity = 'YES'
                        """)
                .param("table", table)
                .query(String.class)
                .list();
    }

    private static String keyText(String key) {
        Map<String, Object> values = object(key);
        return values.size() == 1 ? String.valueOf(values.values().iterator().next()) : values.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String json) {
        return JSON.readValue(json, LinkedHashMap.class);
    }
}
