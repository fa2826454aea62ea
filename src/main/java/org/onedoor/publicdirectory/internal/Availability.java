package org.onedoor.publicdirectory.internal;

import java.text.NumberFormat;
import java.time.Instant;
import java.util.Locale;

/**
 * Whether a service has room now, from its row in {@code service_capacity}.
 *
 * @param unit {@code SLOTS}, {@code COHORT_SEATS}, {@code TRAINING_DOLLARS} or {@code HOURS}; {@code null} without
 *             a capacity row
 * @param updatedAt when the figures were last set or confirmed; {@code null} without a capacity row
 */
public record Availability(State state, String unit, int available, int maximum, Instant updatedAt) {

    /**
     * {@code UNKNOWN} when the service has no capacity row or its figures are older than their freshness limit,
     * otherwise {@code AVAILABLE} with at least one unit open or {@code FULL} with none.
     */
    public enum State { AVAILABLE, FULL, UNKNOWN }

    public static Availability unknown() {
        return new Availability(State.UNKNOWN, null, 0, 0, null);
    }

    /** Returns the status in words, such as "3 of 10 slots open", "Full: no openings right now" or
     * "Availability unknown". */
    public String text() {
        return switch (state) {
            case AVAILABLE -> number(available) + " of " + number(maximum) + " " + unitWords() + " open";
            case FULL -> "Full: no openings right now";
            case UNKNOWN -> "Availability unknown";
        };
    }

    /** Returns what the reader can do next, so a status is never a dead end. */
    public String advice() {
        return switch (state) {
            case AVAILABLE -> "There is room now.";
            case FULL -> "Ask the office when the next opening is expected.";
            case UNKNOWN -> "The partner has not confirmed recent figures. Contact the office to ask.";
        };
    }

    private String unitWords() {
        boolean singular = maximum == 1;
        return switch (unit) {
            case "COHORT_SEATS" -> singular ? "seat in the next class" : "seats in the next class";
            case "TRAINING_DOLLARS" -> singular ? "training dollar" : "training dollars";
            case "HOURS" -> singular ? "hour" : "hours";
            default -> singular ? "slot" : "slots";
        };
    }

    private static String number(int value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
    }
}
