package org.onedoor.imports.internal;

/**
 * Rows read and their outcomes; {@code rowsRead} is always {@code created + matched + rejected}.
 *
 * @param warnings the number of warnings, which may be several per row
 */
public record ImportCounts(int rowsRead, int created, int matched, int rejected, int warnings) {
}
