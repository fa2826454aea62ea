package org.onedoor.directory.internal;

import java.util.Optional;

import org.onedoor.shared.PhoneNumbers.Check;
import org.onedoor.shared.PhoneNumbers.ParsedPhone;

/** Normalizes office and contact phones, reading numbers without a country code as US numbers. */
final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /**
     * Returns the E.164 form, followed by {@code ;ext=} and the extension when there is one (the RFC 3966
     * notation), or empty when the text is not a possible phone number. Fictional 555-01xx numbers pass.
     */
    static Optional<String> toE164(String entered) {
        return org.onedoor.shared.PhoneNumbers.parse(entered, "US", Check.POSSIBLE).map(ParsedPhone::e164WithExtension);
    }
}
