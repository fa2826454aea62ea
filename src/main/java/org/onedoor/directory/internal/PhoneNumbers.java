package org.onedoor.directory.internal;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Normalizes phone numbers to E.164 with libphonenumber, reading numbers without a country code as US numbers. */
final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * Returns the E.164 form, followed by {@code ;ext=} and the extension when there is one (the RFC 3966
     * notation), or empty when the text is not a possible phone number.
     */
    static Optional<String> toE164(String entered) {
        try {
            PhoneNumber number = UTIL.parse(entered, "US");
            if (!UTIL.isPossibleNumber(number)) {
                return Optional.empty();
            }
            String e164 = UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            return Optional.of(number.hasExtension() ? e164 + ";ext=" + number.getExtension() : e164);
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
