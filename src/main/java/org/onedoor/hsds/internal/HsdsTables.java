package org.onedoor.hsds.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HSDS data as tables, whatever form it came in: one list of rows per table, named as the data package names its
 * CSV files without {@code .csv} ({@code services}, {@code service_at_location}). JSON documents are flattened
 * into the same tables, so the importer reads one shape.
 */
public final class HsdsTables {

    /**
     * One source row with where it came from, for the report: {@code services.csv} and {@code row 3} (row 1 is the
     * first row after the header), or {@code service_full.json} and {@code $.phones[0]}.
     */
    public record Row(String table, String file, String position, Map<String, String> values) {

        /** Returns the trimmed value, or an empty string when the column is missing or blank. */
        public String get(String column) {
            String value = values.get(column);
            return value == null ? "" : value.strip();
        }

        public boolean has(String column) {
            return !get(column).isEmpty();
        }

        public String source() {
            return file + " " + position;
        }
    }

    private final Map<String, List<Row>> tables = new LinkedHashMap<>();
    private final Map<String, Map<String, Row>> byId = new LinkedHashMap<>();

    public List<String> tableNames() {
        return List.copyOf(tables.keySet());
    }

    public List<Row> rows(String table) {
        return tables.getOrDefault(table, List.of());
    }

    public Optional<Row> find(String table, String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byId.getOrDefault(table, Map.of()).get(id.strip()));
    }

    /** Returns the rows of a table whose column contains the value, in source order. */
    public List<Row> rowsWhere(String table, String column, String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return rows(table).stream().filter(row -> row.get(column).equals(value.strip())).toList();
    }

    /**
     * Adds a row. A row whose id is already in the table is merged into the earlier one: nested JSON repeats the
     * same organization or location under every service, and the copies fill each other's gaps.
     *
     * @return the row as stored, which is the earlier row when the id repeats
     */
    public Row add(String table, String file, String position, Map<String, String> values) {
        String id = values.getOrDefault("id", "").strip();
        Map<String, Row> ids = byId.computeIfAbsent(table, name -> new LinkedHashMap<>());
        Row earlier = id.isEmpty() ? null : ids.get(id);
        if (earlier != null) {
            values.forEach((column, value) -> {
                if (value != null && !value.isBlank() && earlier.get(column).isEmpty()) {
                    earlier.values().put(column, value);
                }
            });
            return earlier;
        }
        Row row = new Row(table, file, position, new LinkedHashMap<>(values));
        tables.computeIfAbsent(table, name -> new ArrayList<>()).add(row);
        if (!id.isEmpty()) {
            ids.put(id, row);
        }
        return row;
    }
}
