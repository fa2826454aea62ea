package org.onedoor.imports.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a "doing business as" name written inside the name field, as licence lists often do: {@code -DBA:},
 * {@code DBA}, {@code (DBA)}, {@code /DBA}, {@code D/B/A} in any case.
 */
final class TradeNames {

    private static final Pattern MARKER = Pattern.compile(
            "\\s*[-/]?\\s*(?:\\(\\s*(?:d/b/a|dba)\\s*\\)|(?<![\\p{L}\\p{N}])(?:d/b/a|dba)(?![\\p{L}\\p{N}]))\\s*:?\\s*",
            Pattern.CASE_INSENSITIVE);

    private TradeNames() {
    }

    /**
     * A name split at its first trade name marker.
     *
     * @param tradeName the part after the marker, or {@code null} when the name has no marker with text on both sides
     */
    record Split(String legalName, String tradeName) {
    }

    static Split split(String name) {
        String value = name.strip();
        Matcher marker = MARKER.matcher(value);
        if (!marker.find()) {
            return new Split(value, null);
        }
        String legal = value.substring(0, marker.start()).strip().replaceAll("[\\s,;:/-]+$", "");
        String trade = value.substring(marker.end()).strip();
        if (legal.isEmpty() || trade.isEmpty()) {
            return new Split(value, null);
        }
        return new Split(legal, trade);
    }
}
