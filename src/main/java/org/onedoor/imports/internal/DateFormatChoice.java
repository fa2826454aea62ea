package org.onedoor.imports.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date format a user states for a file. ISO dates ({@code 2021-02-22}, or {@code 2021/02/22} with an optional
 * time and offset as some exports write them) are read in every format, because they cannot be misread. Nothing
 * else is guessed: a date that fits neither the stated format nor ISO is not read.
 */
public enum DateFormatChoice {

    /** Two-digit years 00 to 49 are 2000 to 2049; 50 to 99 are 1950 to 1999 ({@link #CENTURY_PIVOT}). */
    M_D_YY("M/D/YY", "M/D/YY, month first, two-digit year: 00–49 are 2000–2049, 50–99 are 1950–1999",
            "(\\d{1,2})/(\\d{1,2})/(\\d{2})"),
    M_D_YYYY("M/D/YYYY", "M/D/YYYY, month first (United States)", "(\\d{1,2})/(\\d{1,2})/(\\d{4})"),
    D_M_YYYY("D/M/YYYY", "D/M/YYYY, day first", "(\\d{1,2})/(\\d{1,2})/(\\d{4})"),
    ISO("YYYY-MM-DD", "YYYY-MM-DD (ISO 8601)", "(\\d{4})-(\\d{2})-(\\d{2})");

    /** Two-digit years below this are in the 2000s, the others in the 1900s. */
    public static final int CENTURY_PIVOT = 50;

    private static final Pattern ISO_DATE = Pattern.compile(
            "(\\d{4})[-/](\\d{2})[-/](\\d{2})(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}(?::?\\d{2})?)?)?");

    private final String code;
    private final String label;
    private final Pattern pattern;

    DateFormatChoice(String code, String label, String pattern) {
        this.code = code;
        this.label = label;
        this.pattern = Pattern.compile(pattern);
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<DateFormatChoice> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(choice -> choice.code.equals(wanted) || choice.name().equals(wanted))
                .findFirst();
    }

    /**
     * Reads a date in this format or in ISO form.
     *
     * @return the date, or empty when the text fits neither or names a day that does not exist (2/30/21)
     */
    public Optional<LocalDate> parse(String text) {
        String value = text.strip();
        Matcher iso = ISO_DATE.matcher(value);
        if (iso.matches()) {
            return date(iso.group(1), iso.group(2), iso.group(3));
        }
        Matcher matcher = pattern.matcher(value);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return switch (this) {
            case M_D_YY -> {
                int twoDigits = Integer.parseInt(matcher.group(3));
                int year = twoDigits < CENTURY_PIVOT ? 2000 + twoDigits : 1900 + twoDigits;
                yield date(String.valueOf(year), matcher.group(1), matcher.group(2));
            }
            case M_D_YYYY -> date(matcher.group(3), matcher.group(1), matcher.group(2));
            case D_M_YYYY -> date(matcher.group(3), matcher.group(2), matcher.group(1));
            case ISO -> date(matcher.group(1), matcher.group(2), matcher.group(3));
        };
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException noSuchDay) {
            return Optional.empty();
        }
    }
}
