package org.onedoor.eligibility.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
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
import org.springframework.transaction.annotation.Isolation;
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
    // One snapshot, so the directory version, the directory data, the capacity and the business's facts agree.
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ServiceOptionsPage servicesFor(long businessId, Filter filter, PageRequest pageRequest) {
        List<String> categories = categories(filter);
        EligibilityFacts facts = profiles.eligibilityFacts(businessId);
        PanelDirectory.Snapshot directory = panelDirectory.current();

        Map<String, Object> base = FactValues.of(facts, Year.now(clock));
        Map<Long, AreaEvaluation> areas = new HashMap<>();
        for (FactValues.ServiceArea area : directory.areas().values()) {
            if (facts.countyFips().isEmpty() || facts.countyFips().stream().anyMatch(area::contains)) {
                areas.put(area.areaId(), new AreaEvaluation(evaluator.forFacts(FactValues.withArea(base, area))));
            }
        }
        Set<String> categorySet = categories == null ? null : Set.copyOf(categories);
        List<PanelService> inScope = new ArrayList<>();
        for (PanelService service : directory.services()) {
            if (areas.containsKey(service.areaId())
                    && (filter.partner() == null || filter.partner() == service.partnerId())
                    && (categorySet == null || categorySet.contains(service.categoryCode()))) {
                inScope.add(service);
            }
        }
        Map<Long, Capacity> capacities = capacities(inScope);
        return rankAndPage(inScope, areas, capacities, directory.now(), pageRequest);
    }

    /**
     * Ranks the services and builds one page. The rank is 0 for eligible and available, 1 for eligible with
     * availability unknown, 2 for eligible but full, 3 for eligibility unknown and 4 for not eligible. The
     * services come in name order, so ranking keeps that order within each rank.
     */
    private static ServiceOptionsPage rankAndPage(List<PanelService> inScope, Map<Long, AreaEvaluation> areas,
                                                  Map<Long, Capacity> capacities, Instant now,
                                                  PageRequest pageRequest) {
        List<List<Ranked>> ranks = new ArrayList<>();
        for (int rank = 0; rank < 5; rank++) {
            ranks.add(new ArrayList<>());
        }
        long eligible = 0;
        long eligibleAndAvailable = 0;
        long unknown = 0;
        long notEligible = 0;
        for (PanelService service : inScope) {
            EligibilityResult result = areas.get(service.areaId()).resultOf(service.rules());
            Availability availability = availability(capacities.get(service.id()));
            int rank;
            switch (result.status()) {
                case ELIGIBLE -> {
                    eligible++;
                    rank = switch (availability.status()) {
                        case "AVAILABLE" -> 0;
                        case "UNKNOWN" -> 1;
                        default -> 2;
                    };
                    if (rank == 0) {
                        eligibleAndAvailable++;
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
            ranks.get(rank).add(new Ranked(service, result, availability));
        }

        List<ServiceOption> options = new ArrayList<>();
        long skip = pageRequest.offset();
        for (List<Ranked> ranked : ranks) {
            for (Ranked row : ranked) {
                if (options.size() == pageRequest.size()) {
                    break;
                }
                if (skip > 0) {
                    skip--;
                    continue;
                }
                options.add(row.option(now));
            }
        }
        return new ServiceOptionsPage(options, pageRequest.page(), pageRequest.size(), inScope.size(),
                new ServiceOptionsPage.Counts(eligible, eligibleAndAvailable, unknown, notEligible));
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

    private record Ranked(PanelService service, EligibilityResult result, Availability availability) {

        ServiceOption option(Instant now) {
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

    /** Reads the live capacity of the services in one narrow query, because referrals change it all the time. */
    private Map<Long, Capacity> capacities(List<PanelService> services) {
        Map<Long, Capacity> capacities = new HashMap<>();
        if (services.isEmpty()) {
            return capacities;
        }
        jdbc.sql("""
                        SELECT service_id, unit, maximum_units, available_units, updated_at,
                               updated_at + freshness_limit < now() AS stale
                        FROM service_capacity
                        WHERE service_id = ANY(:ids)""")
                .param("ids", services.stream().mapToLong(PanelService::id).toArray())
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
