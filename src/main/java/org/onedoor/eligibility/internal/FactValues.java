package org.onedoor.eligibility.internal;

import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onedoor.businesses.EligibilityFacts;
import org.onedoor.eligibility.FactCatalog;

/**
 * Turns profile values into CEL variables. A value the profile lacks is left out of the map, so the evaluator
 * treats it as unknown. CEL integers are {@code Long} and its numbers with decimals {@code Double}.
 */
public final class FactValues {

    private FactValues() {
    }

    /** Returns the facts that do not depend on the service, as of the given year. */
    public static Map<String, Object> of(EligibilityFacts facts, Year thisYear) {
        Map<String, Object> values = new HashMap<>();
        if (facts.naicsCode() != null) {
            values.put("naics_code", facts.naicsCode());
            values.put("naics_sector", FactCatalog.sectorOf(facts.naicsCode()));
        }
        if (facts.employeeBand() != null) {
            values.put("employee_band", facts.employeeBand());
            values.put("employee_band_min", FactCatalog.EMPLOYEE_BANDS.get(facts.employeeBand()).longValue());
        }
        putIfKnown(values, "ownership_type", facts.ownershipType());
        if (!facts.countyFips().isEmpty()) {
            values.put("establishment_counties", List.copyOf(facts.countyFips()));
        }
        if (facts.yearStarted() != null) {
            values.put("years_in_operation", (long) Math.max(0, thisYear.getValue() - facts.yearStarted()));
        }
        putIfKnown(values, "layoff_announced", facts.layoffAnnounced());
        putIfKnown(values, "hiring_needs", facts.hiringNeeds() == null ? null : List.copyOf(facts.hiringNeeds()));
        putIfKnown(values, "hourly_wage_offered",
                facts.hourlyWageOffered() == null ? null : facts.hourlyWageOffered().doubleValue());
        putIfKnown(values, "hires_people_with_disabilities", facts.hiresPeopleWithDisabilities());
        putIfKnown(values, "hires_veterans", facts.hiresVeterans());
        return values;
    }

    private static void putIfKnown(Map<String, Object> values, String name, Object value) {
        if (value != null) {
            values.put(name, value);
        }
    }

    /**
     * Adds whether the business has an establishment in the service's area. An area that lists no counties serves its
     * whole state, whose FIPS code starts every county FIPS code in it.
     */
    public static Map<String, Object> withArea(Map<String, Object> base, ServiceArea area) {
        Object counties = base.get("establishment_counties");
        if (!(counties instanceof List<?> list)) {
            return base;
        }
        Map<String, Object> values = new HashMap<>(base);
        values.put("in_service_area", list.stream().map(String::valueOf).anyMatch(area::contains));
        return values;
    }

    /** Converts values given by a caller, such as a public page, to CEL's types; unknown names are left out. */
    public static Map<String, Object> normalize(Map<String, ?> given) {
        Map<String, Object> values = new HashMap<>();
        given.forEach((name, value) -> {
            if (value == null || FactCatalog.find(name).isEmpty()) {
                return;
            }
            Object converted = value;
            if (value instanceof Integer || value instanceof Short) {
                converted = ((Number) value).longValue();
            } else if (value instanceof Float || value instanceof java.math.BigDecimal) {
                converted = ((Number) value).doubleValue();
            } else if (value instanceof java.util.Collection<?> items) {
                converted = List.copyOf(items.stream().map(String::valueOf).toList());
            }
            values.put(name, converted);
        });
        return values;
    }

    /**
     * The area of a service's partner: its state and the counties it lists, or all counties of the state when it
     * lists none.
     */
    public record ServiceArea(long areaId, String stateFips, Set<String> counties) {

        boolean contains(String countyFips) {
            return counties.isEmpty() ? countyFips.startsWith(stateFips) : counties.contains(countyFips);
        }
    }
}
