package org.onedoor.eligibility.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.onedoor.businesses.BusinessProfileService;
import org.onedoor.businesses.EligibilityFacts;
import org.onedoor.eligibility.ServiceRules;
import org.onedoor.eligibility.FactCatalog;
import org.onedoor.eligibility.internal.ServiceOption.Availability;
import org.onedoor.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Lists the active services in a business's area with its eligibility and their availability, best options first.
 * A service is in the business's area when its partner's area covers a county of one of the business's
 * establishments. When the business has no known county, every active service is listed.
 */
@Service
public class BusinessServices {

    private static final Map<String, String> UNIT_WORDS = Map.of("SLOTS", "slots", "COHORT_SEATS", "seats in a cohort",
            "TRAINING_DOLLARS", "training dollars", "HOURS", "hours");

    private final JdbcClient jdbc;
    private final BusinessProfileService profiles;
    private final RuleStore store;
    private final RuleEvaluator evaluator;
    private final Clock clock = Clock.systemUTC();

    BusinessServices(JdbcClient jdbc, BusinessProfileService profiles, RuleStore store, RuleEvaluator evaluator) {
        this.jdbc = jdbc;
        this.profiles = profiles;
        this.store = store;
        this.evaluator = evaluator;
    }

    /**
     * Filters of the panel; each {@code null} means no filter.
     *
     * @param need a need code from {@link FactCatalog#NEEDS}
     */
    public record Filter(String need, String category, Long partner) {

        public static Filter none() {
            return new Filter(null, null, null);
        }
    }

    /**
     * Lists the services for a business.
     *
     * @throws org.onedoor.shared.NotFoundException for an unknown business
     * @throws InvalidInputException for an unknown need code
     */
    // Not one transaction: the queries need no common snapshot, and evaluating thousands of services holds no
    // database connection this way.
    public List<ServiceOption> servicesFor(long businessId, Filter filter) {
        List<String> categories = categories(filter);
        List<Row> rows = jdbc.sql("""
                        SELECT s.id, s.name, c.code AS category_code, c.name AS category_name, p.id AS partner_id,
                               p.name AS partner_name, o.id AS office_id, o.name AS office_name, o.city AS office_city,
                               o.time_zone, cap.unit, cap.maximum_units, cap.available_units, cap.updated_at,
                               cap.updated_at + cap.freshness_limit < now() AS stale
                        FROM service s
                        JOIN program pr ON pr.id = s.program_id
                        JOIN partner p ON p.id = pr.partner_id
                        JOIN office o ON o.id = s.office_id
                        JOIN employer_service_category c ON c.code = s.category_code
                        LEFT JOIN service_capacity cap ON cap.service_id = s.id
                        WHERE s.active
                          AND (CAST(:partner AS bigint) IS NULL OR p.id = :partner)
                          AND (CAST(:filterCategories AS boolean) = false OR s.category_code = ANY(:categories))
                        """)
                .param("partner", filter.partner())
                .param("filterCategories", categories != null)
                .param("categories", categories == null ? new String[0] : categories.toArray(String[]::new))
                .query((rs, number) -> row(rs))
                .list();

        // The business's facts, the rules and the areas are each loaded once. Within an area the facts are the same
        // for every service, so each distinct expression is evaluated once per area.
        EligibilityFacts facts = profiles.eligibilityFacts(businessId);
        Map<String, Object> base = FactValues.of(facts, Year.now(clock));
        List<Long> serviceIds = rows.stream().map(Row::serviceId).toList();
        Map<Long, ServiceRules> rules = store.rulesOf(serviceIds);
        Map<Long, FactValues.ServiceArea> areas = store.areasOf(serviceIds);
        Map<Long, RuleEvaluator.FactsEvaluation> evaluationsByArea = new HashMap<>();

        List<ServiceOption> options = new ArrayList<>();
        for (Row row : rows) {
            FactValues.ServiceArea area = areas.get(row.serviceId());
            if (!facts.countyFips().isEmpty() && facts.countyFips().stream().noneMatch(area::contains)) {
                continue;
            }
            RuleEvaluator.FactsEvaluation evaluation = evaluationsByArea.computeIfAbsent(area.areaId(),
                    id -> evaluator.forFacts(FactValues.withArea(base, area)));
            options.add(new ServiceOption(row.serviceId(), row.name(), row.categoryCode(), row.categoryName(),
                    row.partnerId(), row.partnerName(), row.officeId(), row.officeName(), row.officeCity(),
                    row.timeZone(), row.availability(), evaluation.evaluate(rules.get(row.serviceId()))));
        }
        options.sort(Comparator.comparingInt(ServiceOption::rank)
                .thenComparing(ServiceOption::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparingLong(ServiceOption::serviceId));
        return options;
    }

    private static List<String> categories(Filter filter) {
        List<String> categories = null;
        if (filter.need() != null) {
            categories = FactCatalog.need(filter.need())
                    .orElseThrow(() -> new InvalidInputException("need", "Need '" + filter.need() + "' is unknown. Use "
                            + "one of " + String.join(", ", FactCatalog.NEEDS.stream().map(FactCatalog.Need::code)
                            .toList()) + "."))
                    .categoryCodes();
        }
        if (filter.category() != null) {
            categories = categories == null || categories.contains(filter.category()) ? List.of(filter.category())
                    : List.of();
        }
        return categories;
    }

    private record Row(long serviceId, String name, String categoryCode, String categoryName, long partnerId,
                       String partnerName, long officeId, String officeName, String officeCity, String timeZone,
                       Availability availability) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("name"), rs.getString("category_code"),
                rs.getString("category_name"), rs.getLong("partner_id"), rs.getString("partner_name"),
                rs.getLong("office_id"), rs.getString("office_name"), rs.getString("office_city"),
                rs.getString("time_zone"), availability(rs));
    }

    /** Reads the capacity columns; no row, or one older than its freshness limit, is "Availability unknown". */
    private static Availability availability(ResultSet rs) throws SQLException {
        String unit = rs.getString("unit");
        if (unit == null) {
            return new Availability("UNKNOWN", "Availability unknown", null, null, null, null);
        }
        int available = rs.getInt("available_units");
        int maximum = rs.getInt("maximum_units");
        Instant updatedAt = rs.getTimestamp("updated_at").toInstant();
        if (rs.getBoolean("stale")) {
            return new Availability("UNKNOWN", "Availability unknown (last confirmed figures are out of date)",
                    available, maximum, unit, updatedAt);
        }
        if (available > 0) {
            return new Availability("AVAILABLE", available + " of " + maximum + " " + UNIT_WORDS.get(unit)
                    + " available", available, maximum, unit, updatedAt);
        }
        return new Availability("FULL", "Full: 0 of " + maximum + " " + UNIT_WORDS.get(unit) + " available",
                available, maximum, unit, updatedAt);
    }
}
