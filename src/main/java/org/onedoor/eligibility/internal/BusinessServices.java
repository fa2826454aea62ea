package org.onedoor.eligibility.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.onedoor.businesses.BusinessProfileService;
import org.onedoor.businesses.EligibilityFacts;
import org.onedoor.directory.ServiceVerification;
import org.onedoor.eligibility.EligibilityResult;
import org.onedoor.eligibility.FactCatalog;
import org.onedoor.eligibility.internal.PanelDirectory.PanelService;
import org.onedoor.eligibility.internal.ServiceOption.Availability;
import org.onedoor.eligibility.internal.ServiceRanking.RuleSetResults;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists the active services in a business's area with its eligibility and their availability, best options first.
 * A service is in the business's area when its partner's area covers a county of one of the business's
 * establishments. When the business has no known county, every active service is listed. The directory data comes
 * from {@link PanelDirectory}'s copy in memory. Each request reads the capacity, evaluates each distinct rule set
 * once for the areas in scope that give equal facts, and ranks with {@link ServiceRanking}.
 */
@Service
public class BusinessServices {

    /** Rows per page when the caller gives no size: about what a screen shows. */
    public static final int DEFAULT_PAGE_SIZE = 25;

    private static final Map<String, String> UNIT_WORDS = Map.of("SLOTS", "slots", "COHORT_SEATS", "seats in a cohort",
            "TRAINING_DOLLARS", "training dollars", "HOURS", "hours");

    private static final Availability UNKNOWN_AVAILABILITY = new Availability("UNKNOWN", "Availability unknown",
            null, null, null, null);

    private final JdbcClient jdbc;
    private final BusinessProfileService profiles;
    private final PanelDirectory panelDirectory;
    private final RuleEvaluator evaluator;
    private final Clock clock = Clock.systemUTC();

    BusinessServices(JdbcClient jdbc, BusinessProfileService profiles, PanelDirectory panelDirectory,
                     RuleEvaluator evaluator) {
        this.jdbc = jdbc;
        this.profiles = profiles;
        this.panelDirectory = panelDirectory;
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
    @Transactional(readOnly = true)
    public ServiceOptionsPage servicesFor(long businessId, Filter filter, PageRequest pageRequest) {
        List<String> categories = categories(filter);
        EligibilityFacts facts = profiles.eligibilityFacts(businessId);
        LiveState live = liveState();
        PanelDirectory.Snapshot directory = live.directory();
        ServiceColumns columns = directory.columns();

        RuleSetResults[] areas = resultsByArea(facts, directory);
        ServiceRanking ranking = ServiceRanking.rank(columns, areas, filter.partner(),
                categoriesAllowed(columns, categories), columns.capacityStatuses(live.freshCapacity()));
        int[] positions = ranking.page(pageRequest);
        List<PanelService> rows = new ArrayList<>(positions.length);
        for (int position : positions) {
            rows.add(directory.services().get(position));
        }
        Map<Long, Capacity> capacities = capacities(rows);
        List<ServiceOption> options = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            PanelService service = rows.get(i);
            EligibilityResult result = areas[service.areaIndex()].result(columns.ruleSetIndex(positions[i]));
            options.add(option(service, result, availability(capacities.get(service.id())), live.now()));
        }
        return new ServiceOptionsPage(options, pageRequest.page(), pageRequest.size(), ranking.total(),
                ranking.counts());
    }

    /**
     * The directory data, the fresh capacity and the database time of one request.
     *
     * @param freshCapacity the ids of the services with fresh capacity figures: positive with room now, negated
     *                      when full. A service in neither has availability unknown, because it has no figures or
     *                      they are older than their freshness limit.
     */
    private record LiveState(PanelDirectory.Snapshot directory, long[] freshCapacity, Instant now) {
    }

    /**
     * Reads the directory version, and which services have fresh capacity figures with or without room, in one
     * statement. The ranking needs only that status, and referrals change it all the time, so it is read on every
     * request. The directory copy comes from {@link PanelDirectory} at the version read here.
     */
    // NOTE: this reads every capacity row of the database, not only those of the areas in scope. That is one
    // sequential scan of a table with at most one row per service. fresh_until is updated_at + freshness_limit, set
    // by a trigger (migration V30). Service ids are positive (bigserial), so the sign can carry the status.
    private LiveState liveState() {
        LiveRow live = jdbc.sql("SELECT " + PanelDirectory.VERSION_COLUMNS + """
                        ,
                               now() AS read_at,
                               coalesce(array_agg(CASE WHEN available_units > 0 THEN service_id ELSE -service_id END),
                                        '{}') AS fresh_capacity
                        FROM service_capacity
                        WHERE fresh_until >= now()""")
                .query((rs, row) -> new LiveRow(rs.getLong("directory_version"), rs.getBoolean("without_writes"),
                        ids(rs.getArray("fresh_capacity")), rs.getTimestamp("read_at").toInstant()))
                .single();
        return new LiveState(panelDirectory.current(live.directoryVersion(), live.withoutWrites()),
                live.freshCapacity(), live.now());
    }

    private record LiveRow(long directoryVersion, boolean withoutWrites, long[] freshCapacity, Instant now) {
    }

    private static long[] ids(java.sql.Array array) throws SQLException {
        Long[] boxed = (Long[]) array.getArray();
        long[] ids = new long[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            ids[i] = boxed[i];
        }
        return ids;
    }

    /**
     * Prepares the eligibility results for each area in scope: the areas that cover one of the business's counties,
     * or every area when it has none. An area adds only {@code in_service_area} to the facts, so areas whose fact
     * values are equal share one {@link RuleSetResults}, which evaluates each distinct rule set once.
     *
     * @return by area index, {@code null} for an area out of scope
     */
    private RuleSetResults[] resultsByArea(EligibilityFacts facts, PanelDirectory.Snapshot directory) {
        Map<String, Object> base = FactValues.of(facts, Year.now(clock));
        List<PanelDirectory.RuleSet> ruleSets = directory.columns().ruleSets();
        RuleSetResults[] areas = new RuleSetResults[directory.areas().size()];
        Map<Map<String, Object>, RuleSetResults> byFacts = new HashMap<>();
        for (int i = 0; i < areas.length; i++) {
            FactValues.ServiceArea area = directory.areas().get(i);
            if (facts.countyFips().isEmpty() || facts.countyFips().stream().anyMatch(area::contains)) {
                areas[i] = byFacts.computeIfAbsent(FactValues.withArea(base, area),
                        values -> new RuleSetResults(evaluator.forFacts(values), ruleSets));
            }
        }
        return areas;
    }

    /** Returns whether each category of the columns passes the filter, or {@code null} without a filter. */
    private static boolean[] categoriesAllowed(ServiceColumns columns, List<String> categories) {
        if (categories == null) {
            return null;
        }
        List<String> codes = columns.categoryCodes();
        boolean[] allowed = new boolean[codes.size()];
        for (int i = 0; i < allowed.length; i++) {
            allowed[i] = categories.contains(codes.get(i));
        }
        return allowed;
    }

    private static ServiceOption option(PanelService service, EligibilityResult result, Availability availability,
                                        Instant now) {
        boolean overdue = service.reviewDueAt() != null && !service.reviewDueAt().isAfter(now);
        return new ServiceOption(service.id(), service.name(), service.categoryCode(), service.categoryName(),
                service.partnerId(), service.partnerName(), service.officeId(), service.officeName(),
                service.officeCity(), service.timeZone(), availability, result,
                new ServiceVerification(service.lastVerifiedAt(), service.lastVerifiedBy(), service.reviewDueAt(),
                        overdue));
    }

    /** Live capacity of one service, {@code stale} when it is older than its freshness limit. */
    private record Capacity(String unit, int maximum, int available, Instant updatedAt, boolean stale) {
    }

    /** Reads the capacity figures of the page's services. */
    private Map<Long, Capacity> capacities(List<PanelService> rows) {
        Map<Long, Capacity> capacities = new HashMap<>();
        if (rows.isEmpty()) {
            return capacities;
        }
        jdbc.sql("""
                        SELECT service_id, unit, maximum_units, available_units, updated_at,
                               fresh_until < now() AS stale
                        FROM service_capacity
                        WHERE service_id = ANY(:ids)""")
                .param("ids", rows.stream().mapToLong(PanelService::id).toArray())
                .query(rs -> {
                    capacities.put(rs.getLong("service_id"), new Capacity(rs.getString("unit"),
                            rs.getInt("maximum_units"), rs.getInt("available_units"),
                            rs.getTimestamp("updated_at").toInstant(), rs.getBoolean("stale")));
                });
        return capacities;
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

    /** Describes the capacity. No row, or one older than its freshness limit, is "Availability unknown". */
    private static Availability availability(Capacity capacity) {
        if (capacity == null) {
            return UNKNOWN_AVAILABILITY;
        }
        int available = capacity.available();
        int maximum = capacity.maximum();
        String unit = capacity.unit();
        if (capacity.stale()) {
            return new Availability("UNKNOWN", "Availability unknown (last confirmed figures are out of date)",
                    available, maximum, unit, capacity.updatedAt());
        }
        if (available > 0) {
            return new Availability("AVAILABLE", available + " of " + maximum + " " + UNIT_WORDS.get(unit)
                    + " available", available, maximum, unit, capacity.updatedAt());
        }
        return new Availability("FULL", "Full: 0 of " + maximum + " " + UNIT_WORDS.get(unit) + " available",
                available, maximum, unit, capacity.updatedAt());
    }
}
