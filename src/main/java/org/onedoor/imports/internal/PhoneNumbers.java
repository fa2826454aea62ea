package org.onedoor.imports.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Normalizes phone numbers to E.164 with libphonenumber; a value that is not a valid number is never guessed. */
final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * The normalized number, or why there is none.
     *
     * @param e164 the number such as {@code +15742322277}, or {@code null}
     * @param extension the extension digits, or {@code null}
     * @param problem why the value is not a valid number, naming it; {@code null} when it parsed
     */
    record Result(String e164, String extension, String problem) {
    }

    /** Parses the number, taking {@code region} (ISO 3166-1 alpha-2) for numbers written without a country code. */
    static Result normalize(String raw, String region) {
        String value = raw.strip();
        String problem = "Phone '" + value + "' is not a valid phone number for region " + region
                + ". It is kept as entered but not normalized; correct it in the business profile.";
        PhoneNumber number;
        try {
            number = UTIL.parse(value, region);
        } catch (NumberParseException notANumber) {
            return new Result(null, null, problem);
        }
        if (!UTIL.isValidNumber(number)) {
            return new Result(null, null, problem);
        }
        String extension = number.hasExtension() && !number.getExtension().isEmpty() ? number.getExtension() : null;
        return new Result(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), extension, null);
    }
}
