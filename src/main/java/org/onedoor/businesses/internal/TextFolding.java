package org.onedoor.businesses.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Folds text the way the SQL function {@code fold_text} does: lower case, accents removed, apostrophes of every
 * style removed, {@code &} read as "and", any other character that is not a letter or digit read as a space, and
 * runs of spaces collapsed.
 */
final class TextFolding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´ʼ]");
    private static final Pattern AMPERSAND = Pattern.compile("\\s*&\\s*");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    // Letters that Unicode does not decompose into a base letter and a mark, as PostgreSQL's unaccent maps them.
    private static final Map<String, String> UNDECOMPOSED = Map.of(
            "ß", "ss", "æ", "ae", "œ", "oe", "ø", "o", "ł", "l", "đ", "d", "þ", "th", "ı", "i");

    private TextFolding() {
    }

    /** Returns the folded text, or an empty string for {@code null}. */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> letter : UNDECOMPOSED.entrySet()) {
            lower = lower.replace(letter.getKey(), letter.getValue());
        }
        String unaccented = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        String withoutApostrophes = APOSTROPHES.matcher(unaccented).replaceAll("");
        String withAnd = AMPERSAND.matcher(withoutApostrophes).replaceAll(" and ");
        return NOT_ALPHANUMERIC.matcher(withAnd).replaceAll(" ").strip();
    }
}
