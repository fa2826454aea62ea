package org.onedoor.imports.internal;

import org.onedoor.shared.PhoneNumbers.Check;
import org.onedoor.shared.PhoneNumbers.ParsedPhone;

/** Normalizes import phone values to E.164, naming the value in a warning when it is not a valid number. */
final class PhoneNumbers {

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

        return org.onedoor.shared.PhoneNumbers.parse(value, region, Check.VALID)
                .map((ParsedPhone phone) -> new Result(phone.e164(), phone.extension(), null))
                .orElseGet(() -> new Result(null, null, "Phone '" + value + "' is not a valid phone number for region "
                        + region + ". It is kept as entered but not normalized; correct it in the business profile."));
    }
}
