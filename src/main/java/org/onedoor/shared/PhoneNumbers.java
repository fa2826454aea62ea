package org.onedoor.shared;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Parses phone numbers with libphonenumber into E.164 and an extension; a number that does not parse is not guessed. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** How strictly a number is checked. */
    public enum Check {
        /** In a range that is assigned in its country, as libphonenumber's metadata records it. */
        VALID,
        /** Of a plausible length only, so fictional numbers such as 555-0100 pass. */
        POSSIBLE
    }

    /**
     * A parsed number.
     *
     * @param e164 the number such as {@code +15742322277}
     * @param extension the extension digits, or {@code null}
     */
    public record ParsedPhone(String e164, String extension) {

        /** Returns the E.164 form followed by {@code ;ext=} and the extension, as RFC 3966 writes it. */
        public String e164WithExtension() {
            return extension == null ? e164 : e164 + ";ext=" + extension;
        }
    }

    /**
     * Parses a number, taking {@code region} (ISO 3166-1 alpha-2) for numbers written without a country code.
     *
     * @return the parsed number, or empty when the text is not a number that passes {@code check}
     */
    public static Optional<ParsedPhone> parse(String entered, String region, Check check) {
        PhoneNumber number;
        try {
            number = UTIL.parse(entered.strip(), region);
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }

        boolean accepted = check == Check.VALID ? UTIL.isValidNumber(number) : UTIL.isPossibleNumber(number);
        if (!accepted) {
            return Optional.empty();
        }

        String extension = number.hasExtension() && !number.getExtension().isEmpty() ? number.getExtension() : null;
        return Optional.of(new ParsedPhone(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), extension));
    }
}
