package org.onedoor.imports.internal;

/**
 * Finds the length at which a source cut its names: when at least {@link #MIN_NAMES_AT_MAXIMUM} names share the
 * maximum length (Little Rock's list has 30 names of exactly 50 characters), names of that length are likely cut off.
 */
final class NameLengthLimit {

    static final int MIN_NAMES_AT_MAXIMUM = 5;

    private int maximum;
    private int namesAtMaximum;

    void add(String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        String value = name.strip();
        int length = value.codePointCount(0, value.length());
        if (length > maximum) {
            maximum = length;
            namesAtMaximum = 1;
        } else if (length == maximum) {
            namesAtMaximum++;
        }
    }

    /** Returns the likely limit, or {@code null} when too few names share the maximum length. */
    Integer limit() {
        return namesAtMaximum >= MIN_NAMES_AT_MAXIMUM ? maximum : null;
    }
}
