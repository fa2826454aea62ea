package org.onedoor.businesses.internal.fields;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.onedoor.businesses.PartnerFields.Definition;
import org.onedoor.shared.InvalidInputException;

/** Checks a partner field value against its definition and returns it in the stored form. */
final class PartnerFieldValues {

    private PartnerFieldValues() {
    }

    /**
     * Returns numbers in plain form, dates as ISO 8601 ({@code 2026-07-01}), yes/no as {@code yes} or {@code no}, and
     * a choice spelled as the definition spells it.
     *
     * @throws InvalidInputException naming the value and what the field accepts
     */
    static String normalize(Definition field, String value) {
        String name = "'" + field.name() + "'";
        return switch (field.type()) {
            case "NUMBER" -> number(field, name, value);
            case "DATE" -> date(name, value);
            case "YES_NO" -> yesNo(name, value);
            case "CHOICE" -> field.choices().stream()
                    .filter(choice -> choice.equalsIgnoreCase(value))
                    .findFirst()
                    .orElseThrow(() -> invalid(field, "Value '" + value + "' is not a choice of " + name
                            + ". Use one of: " + String.join(", ", field.choices()) + "."));
            default -> text(field, name, value);
        };
    }

    private static String number(Definition field, String name, String value) {
        BigDecimal number;
        try {
            number = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw invalid(field, "Value '" + value + "' of " + name + " is not a number. Enter digits, such as 12 or 12.5.");
        }
        if (field.minValue() != null && number.compareTo(field.minValue()) < 0) {
            throw invalid(field, "Value " + value + " of " + name + " is below the minimum "
                    + field.minValue().toPlainString() + ". Enter a larger number.");
        }
        if (field.maxValue() != null && number.compareTo(field.maxValue()) > 0) {
            throw invalid(field, "Value " + value + " of " + name + " is above the maximum "
                    + field.maxValue().toPlainString() + ". Enter a smaller number.");
        }
        return number.stripTrailingZeros().toPlainString();
    }

    private static String date(String name, String value) {
        try {
            return LocalDate.parse(value).toString();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("value", "Value '" + value + "' of " + name
                    + " is not a date. Enter it as year-month-day, such as 2026-07-01.");
        }
    }

    private static String yesNo(String name, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> "yes";
            case "no", "false" -> "no";
            default -> throw new InvalidInputException("value", "Value '" + value + "' of " + name
                    + " is invalid. Enter yes or no.");
        };
    }

    private static String text(Definition field, String name, String value) {
        if (field.pattern() != null && !Pattern.compile(field.pattern()).matcher(value).matches()) {
            throw invalid(field, "Value '" + value + "' of " + name + " does not match the pattern "
                    + field.pattern() + ". Enter a value in that form.");
        }
        return value;
    }

    private static InvalidInputException invalid(Definition field, String message) {
        return new InvalidInputException("value", message);
    }
}
