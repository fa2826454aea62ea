package org.onedoor.businesses.internal.profile;

import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.onedoor.businesses.HiringNeeds;
import org.onedoor.reference.ReferenceData;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.onedoor.shared.PhoneNumbers;
import org.onedoor.shared.PhoneNumbers.Check;
import org.onedoor.shared.PhoneNumbers.ParsedPhone;
import org.springframework.stereotype.Component;

/**
 * Checks and normalizes one profile value. Each check returns the value in its stored form, or adds a problem that
 * names the value and the fix and returns {@code null}.
 */
@Component
class ProfileFieldRules {

    /** Establishment size classes of the BLS Quarterly Census of Employment and Wages, smallest first. */
    static final List<String> EMPLOYEE_BANDS = List.of("1-4", "5-9", "10-19", "20-49", "50-99", "100-249", "250-499",
            "500-999", "1000+");
    static final List<String> OWNERSHIP_TYPES = List.of("FOR_PROFIT", "NONPROFIT", "PUBLIC");
    static final List<String> CONTACT_METHODS = List.of("EMAIL", "PHONE", "TEXT", "MAIL", "IN_PERSON");

    private static final Pattern FEIN = Pattern.compile("[0-9]{2}-[0-9]{7}");
    private static final Pattern FEIN_DIGITS = Pattern.compile("[0-9]{9}");
    private static final Pattern UI_ACCOUNT = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,19}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern WEBSITE = Pattern.compile("https?://[^\\s/$.?#][^\\s]*", Pattern.CASE_INSENSITIVE);
    private static final int FIRST_YEAR = 1600;
    private static final java.math.BigDecimal MAX_HOURLY_WAGE = new java.math.BigDecimal("99999.99");
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private final ReferenceData referenceData;
    // NAICS and county codes do not change while the application runs, so each is looked up once.
    private final Map<String, Boolean> naicsExists = new ConcurrentHashMap<>();
    private final Map<String, Boolean> countyExists = new ConcurrentHashMap<>();

    ProfileFieldRules(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    String legalName(String path, Object raw, List<FieldProblem> problems) {
        String value = text(path, raw, problems);
        if (value == null) {
            problems.add(new FieldProblem(path, "Legal name is missing. Enter the business's legal name; it cannot be cleared."));
        }
        return value;
    }

    /** Accepts {@code 12-3456789} or nine digits, stored as {@code 12-3456789}. */
    String fein(String path, Object raw, List<FieldProblem> problems) {
        String value = text(path, raw, problems);
        if (value == null || FEIN.matcher(value).matches()) {
            return value;
        }
        if (FEIN_DIGITS.matcher(value).matches()) {
            return value.substring(0, 2) + "-" + value.substring(2);
        }
        problems.add(new FieldProblem(path, "FEIN '" + value + "' is invalid. Enter 9 digits as 12-3456789."));
        return null;
    }

    String ownershipType(String path, Object raw, List<FieldProblem> problems) {
        return oneOf(path, raw, OWNERSHIP_TYPES, "Ownership type", problems);
    }

    String naicsCode(String path, Object raw, List<FieldProblem> problems) {
        String value = text(path, raw, problems);
        if (value == null) {
            return null;
        }
        if (!naicsExists.computeIfAbsent(value, code -> referenceData.findNaics(code).isPresent())) {
            problems.add(new FieldProblem(path, "NAICS code '" + value
                    + "' was not found in NAICS 2022. Enter a 2- to 6-digit code such as 722511."));
            return null;
        }
        return value;
    }

    Integer yearStarted(String path, Object raw, List<FieldProblem> problems) {
        Integer year = whole(path, raw, "Year started", problems);
        int thisYear = Year.now().getValue();
        if (year != null && (year < FIRST_YEAR || year > thisYear)) {
            problems.add(new FieldProblem(path, "Year started " + year + " is invalid. Enter a year from " + FIRST_YEAR
                    + " to " + thisYear + ", such as 1998."));
            return null;
        }
        return year;
    }

    String employeeBand(String path, Object raw, List<FieldProblem> problems) {
        return oneOf(path, raw, EMPLOYEE_BANDS, "Employee count band", problems);
    }

    String website(String path, Object raw, List<FieldProblem> problems) {
        String value = text(path, raw, problems);
        if (value != null && !WEBSITE.matcher(value).matches()) {
            problems.add(new FieldProblem(path, "Website '" + value
                    + "' is invalid. Enter a full address that starts with https://, such as https://example.com."));
            return null;
        }
        return value;
    }

    String countyFips(String path, Object raw, List<FieldProblem> problems) {
        String value = text(path, raw, problems);
        if (value != null && !countyExists.computeIfAbsent(value, fips -> referenceData.findCounty(fips).isPresent())) {
            problems.add(new FieldProblem(path, "County FIPS code '" + value
                    + "' was not found. Enter the 5-digit code of a US county, such as 18141."));
            return null;
        }
        return value;
    }

    /** Stores letters in upper case; states use digits, letters and dashes in account numbers of up to 20 characters. */
    String uiAccountNumber(String path, Object raw, List<FieldProblem> problems) {
        String value = text(path, raw, problems);
        if (value == null) {
            return null;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (!UI_ACCOUNT.matcher(upper).matches()) {
            problems.add(new FieldProblem(path, "State UI account number '" + value
                    + "' is invalid. Use up to 20 letters, digits and dashes, starting with a letter or digit."));
            return null;
        }
        return upper;
    }

    Integer worksiteEmployees(String path, Object raw, List<FieldProblem> problems) {
        Integer count = whole(path, raw, "Worksite employee count", problems);
        if (count != null && count < 0) {
            problems.add(new FieldProblem(path, "Worksite employee count " + count
                    + " is invalid. Enter 0 or more employees."));
            return null;
        }
        return count;
    }

    /** Accepts region-based IANA zones such as {@code America/Chicago}, not offsets or abbreviations. */
    String timeZone(String path, Object raw, List<FieldProblem> problems) {
        String value = text(path, raw, problems);
        if (value != null && (!ZONES.contains(value) || !value.contains("/") || value.startsWith("Etc/")
                || value.startsWith("SystemV/"))) {
            problems.add(new FieldProblem(path, "Time zone '" + value
                    + "' is not an IANA time zone. Enter a zone such as America/Indiana/Indianapolis or America/Chicago."));
            return null;
        }
        return value;
    }

    String contactName(String path, Object raw, List<FieldProblem> problems) {
        String value = text(path, raw, problems);
        if (value == null) {
            problems.add(new FieldProblem(path, "Contact name is missing. Enter the person's name."));
        }
        return value;
    }

    String email(String path, Object raw, List<FieldProblem> problems) {
        String value = text(path, raw, problems);
        if (value != null && !EMAIL.matcher(value).matches()) {
            problems.add(new FieldProblem(path, "Email '" + value + "' is invalid. Enter an address such as name@example.com."));
            return null;
        }
        return value;
    }

    String preferredMethod(String path, Object raw, List<FieldProblem> problems) {
        return oneOf(path, raw, CONTACT_METHODS, "Preferred contact method", problems);
    }

    /** Accepts yes, no, true or false in any case, or a JSON boolean. */
    static Boolean yesNo(String path, Object raw, String label, List<FieldProblem> problems) {
        if (raw instanceof Boolean value) {
            return value;
        }
        String value = text(path, raw, problems);
        if (value == null) {
            return null;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> {
                return true;
            }
            case "no", "false" -> {
                return false;
            }
            default -> {
                problems.add(new FieldProblem(path, label + " '" + value + "' is invalid. Answer yes or no."));
                return null;
            }
        }
    }

    /**
     * Accepts a list of hiring need kinds, or the kinds as one text separated by commas. An empty list records that
     * the business has no hiring needs; {@code null} clears the fact.
     */
    List<String> hiringNeeds(String path, Object raw, List<FieldProblem> problems) {
        if (raw == null) {
            return null;
        }
        List<?> items = raw instanceof List<?> list ? list : List.of(raw.toString().split(","));
        List<String> kinds = new ArrayList<>();
        for (Object item : items) {
            String kind = item == null ? "" : item.toString().strip().toUpperCase(Locale.ROOT).replace(' ', '_')
                    .replace('-', '_');
            if (kind.isEmpty() || kinds.contains(kind)) {
                continue;
            }
            if (!HiringNeeds.KINDS.containsKey(kind)) {
                problems.add(new FieldProblem(path, "Hiring need '" + item + "' is invalid. Use one of "
                        + String.join(", ", HiringNeeds.KINDS.keySet()) + "."));
                return null;
            }
            kinds.add(kind);
        }
        return kinds;
    }

    /** Accepts an hourly wage in US dollars with at most two decimals, from 0 to 99999.99. */
    java.math.BigDecimal hourlyWage(String path, Object raw, List<FieldProblem> problems) {
        String value = text(path, raw, problems);
        if (value == null) {
            return null;
        }
        try {
            java.math.BigDecimal wage = new java.math.BigDecimal(value.replace("$", "").strip());
            if (wage.signum() < 0 || wage.scale() > 2 || wage.compareTo(MAX_HOURLY_WAGE) > 0) {
                throw new NumberFormatException("out of range");
            }
            return wage.setScale(2);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(path, "Hourly wage '" + value
                    + "' is invalid. Enter US dollars per hour with at most two decimals, such as 18.50."));
            return null;
        }
    }

    /** A phone as entered and its E.164 form with any extension as {@code ;ext=}. */
    record Phone(String entered, String e164) {
    }

    /** Parses phones as entered, assuming US numbers unless they start with + and a country code. */
    List<Phone> phones(String path, Object raw, List<FieldProblem> problems) {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list)) {
            problems.add(new FieldProblem(path, "Phones must be a list of phone numbers, such as [\"574-232-2277\"]."));
            return null;
        }
        List<Phone> parsed = new ArrayList<>();
        for (Object item : list) {
            String entered = item == null ? "" : item.toString().strip();
            if (entered.isEmpty()) {
                continue;
            }
            Optional<ParsedPhone> phone = PhoneNumbers.parse(entered, "US", Check.POSSIBLE);
            if (phone.isEmpty()) {
                problems.add(new FieldProblem(path, "Phone '" + entered
                        + "' is not a phone number. Enter it with its area code, such as 574-232-2277 x12."));
                return null;
            }
            parsed.add(new Phone(entered, phone.get().e164WithExtension()));
        }
        return parsed;
    }

    /** Returns the trimmed text, {@code null} for a JSON null or blank text, and rejects lists and objects. */
    static String text(String path, Object raw, List<FieldProblem> problems) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Map<?, ?> || raw instanceof List<?>) {
            problems.add(new FieldProblem(path, "Value of '" + path + "' must be text or a number, not a list or object."));
            return null;
        }
        String value = raw.toString().strip();
        return value.isEmpty() ? null : value;
    }

    private static Integer whole(String path, Object raw, String label, List<FieldProblem> problems) {
        String value = text(path, raw, problems);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(path, label + " '" + value + "' is not a whole number. Enter digits only."));
            return null;
        }
    }

    private static String oneOf(String path, Object raw, List<String> allowed, String label, List<FieldProblem> problems) {
        String value = text(path, raw, problems);
        if (value == null) {
            return null;
        }
        String normalized = value.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (String option : allowed) {
            if (option.equals(value) || option.replace('-', '_').equals(normalized)) {
                return option;
            }
        }
        problems.add(new FieldProblem(path, label + " '" + value + "' is invalid. Use one of " + String.join(", ", allowed)
                + "."));
        return null;
    }
}
