package org.onedoor.eligibility.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onedoor.businesses.BusinessProfileService;
import org.onedoor.businesses.EligibilityFacts;
import org.onedoor.directory.ServiceVerification;
import org.onedoor.eligibility.EligibilityResult;
import org.onedoor.eligibility.FactCatalog;
import org.onedoor.eligibility.internal.PanelDirectory.PanelService;
import org.onedoor.eligibility.internal.ServiceOption.Availability;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists the active services in a business's area with its eligibility and their availability, best options first.
 * A service is in the business's area when its partner's area covers a county of one of the business's
 * establishments. When the business has no known county, every active service is listed. The directory data comes
 * from {@link PanelDirectory}'s copy in memory, and each request reads the capacity and evaluates each distinct rule
 * set once per area.
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

        Map<String, Object> base = FactValues.of(facts, Year.now(clock));
        // Indexed like the snapshot's areas, with null for an area out of scope.
        AreaEvaluation[] areas = new AreaEvaluation[directory.areas().size()];
        for (int i = 0; i < areas.length; i++) {
            FactValues.ServiceArea area = directory.areas().get(i);
            if (facts.countyFips().isEmpty() || facts.countyFips().stream().anyMatch(area::contains)) {
                areas[i] = new AreaEvaluation(evaluator.forFacts(FactValues.withArea(base, area)));
            }
        }
        Set<String> categorySet = categories == null ? null : Set.copyOf(categories);
        List<PanelService> inScope = new ArrayList<>();
        for (PanelService service : directory.services()) {
            if (areas[service.areaIndex()] != null
                    && (filter.partner() == null || filter.partner() == service.partnerId())
                    && (categorySet == null || categorySet.contains(service.categoryCode()))) {
                inScope.add(service);
            }
        }
        Ranking ranking = rank(inScope, areas, live.capacity());
        List<Ranked> rows = ranking.page(pageRequest);
        Map<Long, Capacity> capacities = capacities(rows);
        List<ServiceOption> options = new ArrayList<>();
        for (Ranked row : rows) {
            options.add(row.option(availability(capacities.get(row.service().id())), live.now()));
        }
        return new ServiceOptionsPage(options, pageRequest.page(), pageRequest.size(), inScope.size(),
                ranking.counts());
    }

    /**
     * The services with fresh capacity figures, as sorted ids: with room now, or full. A service in neither has
     * availability unknown, because it has no figures or they are older than their freshness limit.
     */
    private record FreshCapacity(long[] available, long[] full) {

        boolean available(long serviceId) {
            return Arrays.binarySearch(available, serviceId) >= 0;
        }

        boolean full(long serviceId) {
            return Arrays.binarySearch(full, serviceId) >= 0;
        }
    }

    /** The directory data, the fresh capacity and the database time of one request. */
    private record LiveState(PanelDirectory.Snapshot directory, FreshCapacity capacity, Instant now) {
    }

    /**
     * Reads the directory version, and which services have fresh capacity figures with or without room, in one
     * statement. The ranking needs only that status, and referrals change it all the time, so it is read on every
     * request. The directory copy comes from {@link PanelDirectory} at the version read here.
     */
    // NOTE: this reads every capacity row of the database, not only those of the areas in scope. That is one
    // sequential scan of a table with at most one row per service.
    private LiveState liveState() {
        LiveRow live = jdbc.sql("SELECT " + PanelDirectory.VERSION_COLUMNS + """
                        ,
                               now() AS read_at,
                               coalesce(array_agg(service_id) FILTER (WHERE available_units > 0), '{}') AS available,
                               coalesce(array_agg(service_id) FILTER (WHERE available_units = 0), '{}') AS full
                        FROM service_capacity
                        WHERE updated_at + freshness_limit >= now()""")
                .query((rs, row) -> new LiveRow(rs.getLong("directory_version"), rs.getBoolean("without_writes"),
                        new FreshCapacity(ids(rs.getArray("available")), ids(rs.getArray("full"))),
                        rs.getTimestamp("read_at").toInstant()))
                .single();
        return new LiveState(panelDirectory.current(live.directoryVersion(), live.withoutWrites()), live.capacity(),
                live.now());
    }

    private record LiveRow(long directoryVersion, boolean withoutWrites, FreshCapacity capacity, Instant now) {
    }

    /** Converts an array of ids to sorted primitives for binary search. */
    private static long[] ids(java.sql.Array array) throws SQLException {
        Long[] boxed = (Long[]) array.getArray();
        long[] ids = new long[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            ids[i] = boxed[i];
        }
        Arrays.sort(ids);
        return ids;
    }

    /** The services in rank order, each rank in name order, with the counts by eligibility result. */
    private record Ranking(List<List<Ranked>> ranks, ServiceOptionsPage.Counts counts) {

        List<Ranked> page(PageRequest pageRequest) {
            List<Ranked> rows = new ArrayList<>();
            long skip = pageRequest.offset();
            for (List<Ranked> rank : ranks) {
                if (skip >= rank.size()) {
                    skip -= rank.size();
                    continue;
                }
                int from = (int) skip;
                int to = Math.min(rank.size(), from + pageRequest.size() - rows.size());
                rows.addAll(rank.subList(from, to));
                skip = 0;
                if (rows.size() == pageRequest.size()) {
                    break;
                }
            }
            return rows;
        }
    }

    /**
     * Ranks the services. The rank is 0 for eligible and available, 1 for eligible with availability unknown, 2 for
     * eligible but full, 3 for eligibility unknown and 4 for not eligible. The services come in name order, so
     * ranking keeps that order within each rank.
     */
    private static Ranking rank(List<PanelService> inScope, AreaEvaluation[] areas, FreshCapacity fresh) {
        List<List<Ranked>> ranks = new ArrayList<>();
        for (int rank = 0; rank < 5; rank++) {
            ranks.add(new ArrayList<>());
        }
        long eligible = 0;
        long eligibleAndAvailable = 0;
        long unknown = 0;
        long notEligible = 0;
        for (PanelService service : inScope) {
            EligibilityResult result = areas[service.areaIndex()].resultOf(service.rules());
            int rank;
            switch (result.status()) {
                case ELIGIBLE -> {
                    eligible++;
                    if (fresh.available(service.id())) {
                        rank = 0;
                        eligibleAndAvailable++;
                    } else {
                        rank = fresh.full(service.id()) ? 2 : 1;
                    }
                }
                case UNKNOWN -> {
                    unknown++;
                    rank = 3;
                }
                default -> {
                    notEligible++;
                    rank = 4;
                }
            }
            ranks.get(rank).add(new Ranked(service, result));
        }
        return new Ranking(ranks, new ServiceOptionsPage.Counts(eligible, eligibleAndAvailable, unknown,
                notEligible));
    }

    /** The evaluation of rules for the business in one area, keeping the result of each distinct rule set. */
    private static final class AreaEvaluation {

        private final RuleEvaluator.FactsEvaluation evaluation;
        private final Map<PanelDirectory.RuleSet, EligibilityResult> results = new IdentityHashMap<>();

        AreaEvaluation(RuleEvaluator.FactsEvaluation evaluation) {
            this.evaluation = evaluation;
        }

        EligibilityResult resultOf(PanelDirectory.RuleSet rules) {
            return results.computeIfAbsent(rules, set -> evaluation.evaluate(set.combination(), set.rules()));
        }
    }

    private record Ranked(PanelService service, EligibilityResult result) {

        ServiceOption option(Availability availability, Instant now) {
            boolean overdue = service.reviewDueAt() != null && !service.reviewDueAt().isAfter(now);
            return new ServiceOption(service.id(), service.name(), service.categoryCode(), service.categoryName(),
                    service.partnerId(), service.partnerName(), service.officeId(), service.officeName(),
                    service.officeCity(), service.timeZone(), availability, result,
                    new ServiceVerification(service.lastVerifiedAt(), service.lastVerifiedBy(),
                            service.reviewDueAt(), overdue));
        }
    }

    /** Live capacity of one service, {@code stale} when it is older than its freshness limit. */
    private record Capacity(String unit, int maximum, int available, Instant updatedAt, boolean stale) {
    }

    /** Reads the capacity figures of the page's services. */
    private Map<Long, Capacity> capacities(List<Ranked> rows) {
        Map<Long, Capacity> capacities = new HashMap<>();
        if (rows.isEmpty()) {
            return capacities;
        }
        jdbc.sql("""
                        SELECT service_id, unit, maximum_units, available_units, updated_at,
                               updated_at + freshness_limit < now() AS stale
                        FROM service_capacity
                        WHERE service_id = ANY(:ids)""")
                .param("ids", rows.stream().mapToLong(row -> row.service().id()).toArray())
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
