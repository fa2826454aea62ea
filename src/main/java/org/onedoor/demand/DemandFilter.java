package org.onedoor.demand;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.onedoor.eligibility.FactCatalog;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;

/**
 * Filters of the demand figures; each {@code null} means no filter. Months are calendar months in the report's
 * time zone, and both ends are included.
 *
 * @param areaId the workforce area of the partner that raised the need
 * @param needCode a need code, such as {@code HIRE}
 * @param naicsSector a NAICS sector code from {@link FactCatalog#NAICS_SECTORS}, such as {@code 31-33}
 * @param countyFips a 5-digit county FIPS code
 * @param partnerId the partner that raised the need, made the offer or logged the unmet need
 */
public record DemandFilter(Long areaId, YearMonth from, YearMonth to, String needCode, String naicsSector,
                           String countyFips, Long partnerId) {

    public static DemandFilter none() {
        return new DemandFilter(null, null, null, null, null, null, null);
    }

    /**
     * Reads the filters as request parameters give them; blank means no filter.
     *
     * @throws InvalidInputException naming every invalid value
     */
    public static DemandFilter parse(Long areaId, String from, String to, String needCode, String naicsSector,
                                     String countyFips, Long partnerId) {
        return parse(areaId, from, to, needCode, naicsSector, countyFips, partnerId, id -> true);
    }

    /**
     * Reads the filters as {@link #parse(Long, String, String, String, String, String, Long)} does, and also rejects
     * a partner id for which {@code knownPartner} is false.
     *
     * @throws InvalidInputException naming every invalid value
     */
    public static DemandFilter parse(Long areaId, String from, String to, String needCode, String naicsSector,
                                     String countyFips, Long partnerId, java.util.function.LongPredicate knownPartner) {
        List<FieldProblem> problems = new ArrayList<>();
        YearMonth fromMonth = month("from", from, problems);
        YearMonth toMonth = month("to", to, problems);
        if (fromMonth != null && toMonth != null && fromMonth.isAfter(toMonth)) {
            problems.add(new FieldProblem("to", "Month 'to' " + toMonth + " is before month 'from' " + fromMonth
                    + ". Give a 'to' month that is the same as or later than 'from'."));
        }
        String need = blankToNull(needCode);
        if (need != null && !need.matches("[A-Z0-9_]+")) {
            problems.add(new FieldProblem("needType", "Need type '" + need + "' is invalid. Use a need code in capital "
                    + "letters, such as " + FactCatalog.NEEDS.get(0).code() + "."));
        } else if (need != null && FactCatalog.need(need).isEmpty()) {
            problems.add(new FieldProblem("needType", "Need type '" + need + "' is unknown. Use one of "
                    + String.join(", ", FactCatalog.NEEDS.stream().map(FactCatalog.Need::code).toList()) + "."));
        }
        if (partnerId != null && !knownPartner.test(partnerId)) {
            problems.add(new FieldProblem("partner", "Partner " + partnerId + " is not found. Use a partner id from "
                    + "GET /api/v1/partners."));
        }
        String sector = blankToNull(naicsSector);
        if (sector != null && !FactCatalog.NAICS_SECTORS.containsKey(sector)) {
            problems.add(new FieldProblem("sector", "NAICS sector '" + sector + "' is unknown. Use one of "
                    + String.join(", ", FactCatalog.NAICS_SECTORS.keySet()) + "."));
        }
        String county = blankToNull(countyFips);
        if (county != null && !county.matches("[0-9]{5}")) {
            problems.add(new FieldProblem("county", "County '" + county + "' is invalid. Use a 5-digit county FIPS "
                    + "code, such as 18141."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new DemandFilter(areaId, fromMonth, toMonth, need, sector, county, partnerId);
    }

    private static YearMonth month(String field, String value, List<FieldProblem> problems) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "Month '" + text + "' of '" + field + "' is invalid. Use the form "
                    + "YYYY-MM, such as 2026-03."));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
