package org.onedoor.businesses.internal;

import java.util.ArrayList;
import java.util.List;

import org.onedoor.businesses.IncomingAddress;

/** Writes an address on one line for history entries and lists, such as {@code 327 W MARION ST, SOUTH BEND, IN 46601}. */
final class EstablishmentText {

    private EstablishmentText() {
    }

    static String oneLine(IncomingAddress address) {
        if (address == null) {
            return "(no address)";
        }
        return oneLine(address.line1(), address.line2(), address.city(), address.state(), address.postalCode());
    }

    static String oneLine(String line1, String line2, String city, String state, String postalCode) {
        List<String> parts = new ArrayList<>();
        addIfPresent(parts, line1);
        addIfPresent(parts, line2);
        addIfPresent(parts, city);
        String statePostal = String.join(" ", presentOf(state, postalCode));
        addIfPresent(parts, statePostal);
        return parts.isEmpty() ? "(no address)" : String.join(", ", parts);
    }

    private static List<String> presentOf(String... values) {
        List<String> present = new ArrayList<>();
        for (String value : values) {
            addIfPresent(present, value);
        }
        return present;
    }

    private static void addIfPresent(List<String> parts, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(value.strip());
        }
    }
}
