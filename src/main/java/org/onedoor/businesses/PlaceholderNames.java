package org.onedoor.businesses;

import java.util.Optional;

import org.onedoor.businesses.internal.MatchKeys;

/**
 * Recognizes business names that are placeholder text ("Case Name", "Location", "N/A", "Unknown", "Test", or no
 * letters or digits), so that a record with one is never joined with other records and its source can flag it.
 */
public final class PlaceholderNames {

    private PlaceholderNames() {
    }

    /** Returns why the name is a placeholder, for an import report, or empty when it is a real name. */
    public static Optional<String> reason(String legalName) {
        if (!MatchKeys.isPlaceholderName(legalName)) {
            return Optional.empty();
        }
        return Optional.of("Business name '" + (legalName == null ? "" : legalName.strip()) + "' is placeholder text, "
                + "not the name of a business, so the row was kept as a business of its own and not joined with "
                + "other rows. Correct the name in the source file and import the row again, or merge the business "
                + "by hand once its name is known.");
    }

    /** Tells whether the name is placeholder text. */
    public static boolean isPlaceholder(String legalName) {
        return MatchKeys.isPlaceholderName(legalName);
    }
}
