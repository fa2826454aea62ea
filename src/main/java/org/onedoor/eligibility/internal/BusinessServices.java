package org.onedoor.eligibility.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.onedoor.businesses.BusinessProfileService;
import org.onedoor.businesses.EligibilityFacts;
import org.onedoor.directory.ServiceVerification;
import org.onedoor.eligibility.FactCatalog;
import org.onedoor.eligibility.ServiceRules;
import org.onedoor.eligibility.internal.ServiceOption.Availability;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists the active services in a business's area with its eligibility and their availability, best options first.
 * A service is in the business's area when its partner's area covers a county of one of the business's
 * establishments. When the business has no known county, every active service is listed.
 */
@Service
public class BusinessServices {

    /** Rows per page when the caller gives no size: about what a screen shows. */
    public static final int DEFAULT_PAGE_SIZE = 25;

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
     * Lists one page of the services for a business.
     *
     * @throws org.onedoor.shared.NotFoundException for an unknown business
     * @throws InvalidInputException for an unknown need code
     */
    // One read-only snapshot, so the rule expressions evaluated in Java are exactly those that the ranking query
    // joins.
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ServiceOptionsPage servicesFor(long businessId, Filter filter, PageRequest pageRequest) {
        List<String> categories = categories(filter);
        EligibilityFacts facts = profiles.eligibilityFacts(businessId);
        Map<String, Object> base = FactValues.of(facts, Year.now(clock));
        Map<Long, FactValues.ServiceArea> areas = new HashMap<>();
        for (FactValues.ServiceArea area : store.areas().values()) {
            if (facts.countyFips().isEmpty() || facts.countyFips().stream().anyMatch(area::contains)) {
                areas.put(area.areaId(), area);
            }
        }
        Map<Long, RuleEvaluator.FactsEvaluation> evaluations = new HashMap<>();
        areas.values().forEach(area -> evaluations.put(area.areaId(),
                evaluator.forFacts(FactValues.withArea(base, area))));

        // A plan made without the arrays' values estimated a few dozen services where the benchmark data has
        // thousands, and its nested loops took seconds (EXPLAIN ANALYZE), so each execution plans with the values.
        jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
        Scope scope = new Scope(areas.keySet(), filter.partner(), categories);
        ExpressionValues values = expressionValues(scope, evaluations);
        PageRows page = page(scope, values, pageRequest);

        Map<Long, ServiceRules> rules = store.rulesOf(page.rows().stream().map(Row::serviceId).toList());
        List<ServiceOption> options = new ArrayList<>();
        for (Row row : page.rows()) {
            options.add(new ServiceOption(row.serviceId(), row.name(), row.categoryCode(), row.categoryName(),
                    row.partnerId(), row.partnerName(), row.officeId(), row.officeName(), row.officeCity(),
                    row.timeZone(), row.availability(),
                    evaluations.get(row.areaId()).evaluate(rules.get(row.serviceId())), row.verification()));
        }
        return new ServiceOptionsPage(options, pageRequest.page(), pageRequest.size(), page.total(), page.counts());
    }

    /** The services a panel may list: active, in the given areas, and matching the filters. */
    private record Scope(Collection<Long> areaIds, Long partner, List<String> categories) {

        static final String SERVICES = """
                SELECT s.id, s.name, s.office_id, s.category_code, p.id AS partner_id, p.area_id
                FROM service s
                JOIN program pr ON pr.id = s.program_id
                JOIN partner p ON p.id = pr.partner_id
                WHERE s.active
                  AND p.area_id = ANY(:areaIds)
                  AND (CAST(:partner AS bigint) IS NULL OR p.id = :partner)
                  AND (CAST(:filterCategories AS boolean) = false OR s.category_code = ANY(:categories))
                """;

        StatementSpec bind(StatementSpec statement) {
            return statement.param("areaIds", areaIds.stream().mapToLong(Long::longValue).toArray())
                    .param("partner", partner)
                    .param("filterCategories", categories != null)
                    .param("categories", categories == null ? new String[0] : categories.toArray(String[]::new));
        }
    }

    /** The value of each rule expression in each area, as parallel arrays for SQL; a {@code null} value is unknown. */
    private record ExpressionValues(Long[] areaIds, String[] expressions, Boolean[] values) {
    }

    /**
     * Evaluates each distinct rule expression of the services in scope once per area. The values depend only on the
     * business's facts and the area, so a few evaluations decide the order of thousands of services.
     */
    private ExpressionValues expressionValues(Scope scope, Map<Long, RuleEvaluator.FactsEvaluation> evaluations) {
        List<Long> areaIds = new ArrayList<>();
        List<String> expressions = new ArrayList<>();
        List<Boolean> values = new ArrayList<>();
        scope.bind(jdbc.sql("WITH scope AS (" + Scope.SERVICES + """
                        )
                        SELECT DISTINCT scope.area_id, r.expression
                        FROM scope JOIN eligibility_rule r ON r.service_id = scope.id
                        """))
                .query(rs -> {
                    long areaId = rs.getLong("area_id");
                    String expression = rs.getString("expression");
                    areaIds.add(areaId);
                    expressions.add(expression);
                    values.add(evaluations.get(areaId).value(expression));
                });
        return new ExpressionValues(areaIds.toArray(Long[]::new), expressions.toArray(String[]::new),
                values.toArray(Boolean[]::new));
    }

    private record PageRows(List<Row> rows, long total, ServiceOptionsPage.Counts counts) {
    }

    /**
     * Ranks the services in scope in SQL and reads one page of them. The eligibility result follows
     * {@link RuleEvaluator}: with {@code ALL}, a false rule decides before an unknown one, and with {@code ANY}, a
     * true rule does. The rank is 0 for eligible and available, 1 for eligible with availability unknown, 2 for
     * eligible but full, 3 for eligibility unknown and 4 for not eligible. Names break ties without regard to case.
     */
    private PageRows page(Scope scope, ExpressionValues values, PageRequest pageRequest) {
        List<Row> rows = new ArrayList<>();
        long[] totals = new long[5];
        scope.bind(jdbc.sql(RANKED_PREFIX + Scope.SERVICES + RANKED_PAGE))
                .param("valueAreas", values.areaIds())
                .param("valueExpressions", values.expressions())
                .param("values", values.values())
                .param("limit", pageRequest.size())
                .param("offset", pageRequest.offset())
                .query(rs -> {
                    totals[0] = rs.getLong("total");
                    totals[1] = rs.getLong("eligible");
                    totals[2] = rs.getLong("eligible_available");
                    totals[3] = rs.getLong("unknown");
                    totals[4] = rs.getLong("not_eligible");
                    rows.add(row(rs));
                });
        if (rows.isEmpty() && pageRequest.page() > 0) {
            // A page past the end has no rows to carry the counts, so count the first page instead.
            PageRows first = page(scope, values, new PageRequest(0, 1));
            return new PageRows(List.of(), first.total(), first.counts());
        }
        return new PageRows(rows, totals[0], new ServiceOptionsPage.Counts(totals[1], totals[2], totals[3], totals[4]));
    }

    private static final String RANKED_PREFIX = """
            WITH expression_value AS (
                SELECT * FROM unnest(CAST(:valueAreas AS bigint[]), CAST(:valueExpressions AS text[]),
                                     CAST(:values AS boolean[])) AS v(area_id, expression, value)
            ), scope AS (
            """;

    private static final String RANKED_PAGE = """
            ), rule_values AS (
                SELECT r.service_id, bool_or(v.value IS FALSE) AS any_failed, bool_or(v.value IS TRUE) AS any_held,
                       bool_or(v.value IS NULL) AS any_unknown
                FROM scope
                JOIN eligibility_rule r ON r.service_id = scope.id
                JOIN expression_value v ON v.area_id = scope.area_id AND v.expression = r.expression
                GROUP BY r.service_id
            ), evaluated AS (
                SELECT scope.*,
                       CASE WHEN rv.service_id IS NULL THEN 'ELIGIBLE'
                            WHEN e.combination = 'ALL' THEN CASE WHEN rv.any_failed THEN 'NOT_ELIGIBLE'
                                                                 WHEN rv.any_unknown THEN 'UNKNOWN'
                                                                 ELSE 'ELIGIBLE' END
                            WHEN rv.any_held THEN 'ELIGIBLE'
                            WHEN rv.any_unknown THEN 'UNKNOWN'
                            ELSE 'NOT_ELIGIBLE' END AS eligibility,
                       CASE WHEN cap.service_id IS NULL OR cap.updated_at + cap.freshness_limit < now() THEN 'UNKNOWN'
                            WHEN cap.available_units > 0 THEN 'AVAILABLE'
                            ELSE 'FULL' END AS availability
                FROM scope
                LEFT JOIN rule_values rv ON rv.service_id = scope.id
                LEFT JOIN service_eligibility e ON e.service_id = scope.id
                LEFT JOIN service_capacity cap ON cap.service_id = scope.id
            ), ranked AS (
                SELECT evaluated.*,
                       CASE eligibility WHEN 'ELIGIBLE' THEN CASE availability WHEN 'AVAILABLE' THEN 0
                                                                               WHEN 'UNKNOWN' THEN 1
                                                                               ELSE 2 END
                                        WHEN 'UNKNOWN' THEN 3
                                        ELSE 4 END AS rank,
                       count(*) OVER () AS total,
                       count(*) FILTER (WHERE eligibility = 'ELIGIBLE') OVER () AS eligible,
                       count(*) FILTER (WHERE eligibility = 'ELIGIBLE' AND availability = 'AVAILABLE') OVER ()
                           AS eligible_available,
                       count(*) FILTER (WHERE eligibility = 'UNKNOWN') OVER () AS unknown,
                       count(*) FILTER (WHERE eligibility = 'NOT_ELIGIBLE') OVER () AS not_eligible
                FROM evaluated
                ORDER BY rank, lower(name) COLLATE "C", id
                LIMIT :limit OFFSET :offset
            )
            SELECT ranked.id, ranked.name, ranked.area_id, ranked.total, ranked.eligible, ranked.eligible_available,
                   ranked.unknown, ranked.not_eligible, c.code AS category_code, c.name AS category_name,
                   p.id AS partner_id, p.name AS partner_name, o.id AS office_id, o.name AS office_name,
                   o.city AS office_city, o.time_zone, cap.unit, cap.maximum_units, cap.available_units,
                   cap.updated_at, cap.updated_at + cap.freshness_limit < now() AS stale,
                   review.last_verified_at, review.last_verified_by, review.review_due_at, review.review_overdue
            FROM ranked
            JOIN service_review review ON review.service_id = ranked.id
            JOIN partner p ON p.id = ranked.partner_id
            JOIN office o ON o.id = ranked.office_id
            JOIN employer_service_category c ON c.code = ranked.category_code
            LEFT JOIN service_capacity cap ON cap.service_id = ranked.id
            ORDER BY ranked.rank, lower(ranked.name) COLLATE "C", ranked.id
            """;

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

    private record Row(long serviceId, long areaId, String name, String categoryCode, String categoryName,
                       long partnerId, String partnerName, long officeId, String officeName, String officeCity,
                       String timeZone, Availability availability, ServiceVerification verification) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("area_id"), rs.getString("name"), rs.getString("category_code"),
                rs.getString("category_name"), rs.getLong("partner_id"), rs.getString("partner_name"),
                rs.getLong("office_id"), rs.getString("office_name"), rs.getString("office_city"),
                rs.getString("time_zone"), availability(rs), new ServiceVerification(
                        instant(rs.getTimestamp("last_verified_at")), rs.getString("last_verified_by"),
                        instant(rs.getTimestamp("review_due_at")), rs.getBoolean("review_overdue")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
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
