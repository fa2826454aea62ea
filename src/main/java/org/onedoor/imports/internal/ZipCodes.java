package org.onedoor.imports.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans US ZIP codes, which are text: leading zeros stay, ZIP+4 is written {@code 12345-6789}, and nothing is padded
 * or guessed. Postal codes of other countries are kept as given.
 */
final class ZipCodes {

    private static final Pattern FIVE = Pattern.compile("\\d{5}");
    private static final Pattern ZIP_PLUS_FOUR = Pattern.compile("(\\d{5})[- ]?(\\d{4})");

    private ZipCodes() {
    }

    /**
     * The cleaned code, or a reason it could not be used.
     *
     * @param value the code to store, or {@code null} when it is invalid
     * @param problem why the value is invalid, naming it and the fix; {@code null} when it is valid
     */
    record Result(String value, String problem) {
    }

    static Result clean(String raw, String countryCode) {
        String value = raw.strip();
        if (!"US".equals(countryCode)) {
            return new Result(value, null);
        }
        if (FIVE.matcher(value).matches()) {
            return new Result(value, null);
        }
        Matcher plusFour = ZIP_PLUS_FOUR.matcher(value);
        if (plusFour.matches()) {
            return new Result(plusFour.group(1) + "-" + plusFour.group(2), null);
        }
        String digits = value.replaceAll("\\D", "");
        if (value.matches("\\d{4}")) {
            return new Result(null, "ZIP code '" + value + "' is invalid: it has 4 digits, perhaps a leading zero lost in "
                    + "a spreadsheet. Enter a 5-digit ZIP code or ZIP+4; it was not padded.");
        }
        if (value.matches("\\d+")) {
            return new Result(null, "ZIP code '" + value + "' is invalid: it has " + digits.length()
                    + " digits. Enter a 5-digit ZIP code or ZIP+4.");
        }
        return new Result(null, "ZIP code '" + value + "' is invalid. Enter a 5-digit ZIP code or ZIP+4.");
    }
}
