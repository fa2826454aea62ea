package org.onedoor.imports.internal;

import java.util.List;

/**
 * One CSV record as read.
 *
 * @param lineNumber the 1-based physical line where the record starts; the header is line 1
 * @param cells the cell texts, unchanged, in column order; a short record has fewer cells than the header
 */
public record SourceRow(int lineNumber, List<String> cells) {

    public SourceRow {
        cells = List.copyOf(cells);
    }

    public String cell(int index) {
        return index < cells.size() ? cells.get(index) : null;
    }
}
