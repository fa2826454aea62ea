package org.onedoor.imports.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onedoor.shared.InvalidInputException.FieldProblem;

/**
 * The field each header of a file feeds, in header order. A header with no field ({@code null}) is unmapped: the
 * import cannot start until the user maps it or chooses "Do not import", so no column is dropped silently.
 */
public record ColumnMapping(List<String> headers, Map<String, ImportField> fields) {

    public ColumnMapping {
        headers = List.copyOf(headers);
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * Suggests a field for each header from the synonyms. When two headers suggest the same single field, the first
     * one gets it and the later ones are kept as facts named by their header.
     */
    public static ColumnMapping suggest(List<String> headers) {
        return withChoices(headers, Map.of());
    }

    /** Applies the given choices (header to field) over the suggestions; headers not named keep their suggestion. */
    public static ColumnMapping withChoices(List<String> headers, Map<String, ImportField> choices) {
        Map<String, ImportField> fields = new LinkedHashMap<>();
        Map<ImportField, String> taken = new EnumMap<>(ImportField.class);
        for (String header : headers) {
            ImportField chosen = choices.get(header);
            if (chosen != null && chosen.isSingle()) {
                taken.putIfAbsent(chosen, header);
            }
        }
        for (String header : headers) {
            ImportField field = choices.get(header);
            if (field == null) {
                field = ImportField.suggestFor(header).orElse(null);
                if (field != null && field.isSingle() && taken.containsKey(field)) {
                    field = ImportField.FACT;
                }
                if (field != null && field.isSingle()) {
                    taken.put(field, header);
                }
            }
            fields.put(header, field);
        }
        return new ColumnMapping(headers, fields);
    }

    public ImportField fieldOf(String header) {
        return fields.get(header);
    }

    /** Returns the header that feeds the field, or {@code null}. */
    public String headerOf(ImportField field) {
        return fields.entrySet().stream()
                .filter(entry -> entry.getValue() == field)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    /**
     * Lists what stops the import from starting: an empty or repeated header, a header that maps to nothing, a
     * single field chosen twice, and no column for the legal name. Each problem names the header and the fix.
     */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        Map<ImportField, String> firstHeader = new EnumMap<>(ImportField.class);
        for (String header : headers) {
            ImportField field = fields.get(header);
            if (field == null) {
                problems.add(new FieldProblem(header, "Header '" + header + "' maps to no field. Choose a field for it, "
                        + "'Keep as a fact named by the header' (fact) or 'Do not import' (ignore)."));
                continue;
            }
            if (field.isSingle() && firstHeader.containsKey(field)) {
                problems.add(new FieldProblem(header, "Headers '" + firstHeader.get(field) + "' and '" + header
                        + "' both map to " + field.label() + ". Choose another field for one of them."));
            }
            firstHeader.putIfAbsent(field, header);
        }
        if (!firstHeader.containsKey(ImportField.LEGAL_NAME)) {
            problems.add(new FieldProblem("mapping", "No column maps to the legal name, which every business needs. "
                    + "Choose 'Legal name' for the column with the business name, for example 'Business Name'."));
        }
        return problems;
    }

    /** Returns the mapping as header to field code, for storing; unmapped headers are left out. */
    public Map<String, String> toCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        fields.forEach((header, field) -> {
            if (field != null) {
                codes.put(header, field.code());
            }
        });
        return codes;
    }
}
