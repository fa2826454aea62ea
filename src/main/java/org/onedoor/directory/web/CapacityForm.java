package org.onedoor.directory.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.onedoor.directory.CapacityUnit;
import org.onedoor.directory.ServiceCapacity;
import org.onedoor.directory.internal.CapacityFigures;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;

/**
 * The capacity form of the service page. Fields are text so that a value that is not a number is shown again
 * with a message instead of being lost.
 *
 * @param freshnessAmount how many {@code freshnessPer} units the figures stay trustworthy
 * @param freshnessPer    {@code days} or {@code hours}, where blank means days
 */
record CapacityForm(String unit, String available, String maximum, String freshnessAmount, String freshnessPer) {

    static CapacityForm of(ServiceCapacity capacity) {
        if (!capacity.recorded()) {
            return new CapacityForm("SLOTS", "", "", "7", "days");
        }
        long hours = capacity.freshnessLimit().toHours();
        boolean wholeDays = hours % 24 == 0;
        return new CapacityForm(capacity.unit().name(), String.valueOf(capacity.available()),
                String.valueOf(capacity.maximum()), String.valueOf(wholeDays ? hours / 24 : hours),
                wholeDays ? "days" : "hours");
    }

    /** Returns the units for the unit list of the form. */
    static List<Option> unitOptions() {
        return Arrays.stream(CapacityUnit.values())
                .map(unit -> new Option(unit.name(), Character.toUpperCase(unit.label().charAt(0)) + unit.label().substring(1)))
                .toList();
    }

    /** Converts the text fields, naming each one that is not a whole number. */
    CapacityFigures toFigures() {
        List<FieldProblem> problems = new ArrayList<>();
        Long availableUnits = wholeNumber("available", "Available", available, problems);
        Long maximumUnits = wholeNumber("maximum", "Maximum", maximum, problems);
        Long amount = wholeNumber("freshnessAmount", "Freshness limit", freshnessAmount, problems);
        boolean hours = freshnessInHours(problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Duration freshness = null;
        if (amount != null) {
            freshness = hours ? Duration.ofHours(amount) : Duration.ofDays(amount);
        }
        return new CapacityFigures(unit, availableUnits, maximumUnits, freshness);
    }

    /** Returns whether the freshness limit is in hours, naming an unknown time unit as a problem. */
    private boolean freshnessInHours(List<FieldProblem> problems) {
        if (freshnessPer == null || freshnessPer.isBlank() || freshnessPer.equals("days")) {
            return false;
        }
        if (freshnessPer.equals("hours")) {
            return true;
        }
        problems.add(new FieldProblem("freshnessPer", "Time unit '" + freshnessPer + "' is unknown. Choose days or "
                + "hours."));
        return false;
    }

    private static Long wholeNumber(String field, String label, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, label + " '" + value + "' is not a whole number. Enter digits only, "
                    + "such as 12."));
            return null;
        }
    }
}
