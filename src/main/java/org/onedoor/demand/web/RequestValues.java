package org.onedoor.demand.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;

/** Reads the text values of forms and JSON bodies, adding a problem that names the value when one is invalid. */
final class RequestValues {

    private RequestValues() {
    }

    static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "Value '" + value + "' of '" + field + "' is invalid. Use one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + "."));
            return null;
        }
    }

    static LocalDate date(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "Date '" + value + "' of '" + field + "' is invalid. Use the form "
                    + "YYYY-MM-DD, such as 2026-12-31."));
            return null;
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * Returns the partner a user records for: the user's own partner, or for an administrator without a partner
     * the one the request names.
     *
     * @throws InvalidInputException when the request names another partner than the user's, or none is known
     */
    static long partnerOf(CurrentUser user, Long requested) {
        if (user.partnerId() != null) {
            if (requested != null && !requested.equals(user.partnerId())) {
                throw new InvalidInputException("partnerId", "Partner " + requested + " is not your partner. Leave "
                        + "partnerId out: needs and offers are recorded for your partner, " + user.partnerId() + ".");
            }
            return user.partnerId();
        }
        if (requested == null) {
            throw new InvalidInputException("partnerId", "Partner is missing. Your account belongs to no partner, so "
                    + "give the id of the partner the record is made for.");
        }
        return requested;
    }
}
