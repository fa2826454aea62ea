package org.onedoor.demand;

import java.util.List;

/**
 * The demand figures for one filter: totals, the same figures by need type, NAICS sector, county, partner and month,
 * and the unmet needs ranked to show which services the area should develop or expand.
 *
 * <p>Each figure counts records in the filter's months: needs by when they were raised, offers by when they were
 * recorded, and unmet needs by when they were logged. An offer takes its need type, sector and county from its need.
 *
 * @param timeZone the IANA zone in which months begin and end
 * @param unmetByCount unmet needs by need type, most first
 * @param unmetByBusinesses the same rows ordered by the number of businesses affected, most first
 */
public record DemandReport(DemandFilter filter, String timeZone, Figures totals, List<Row> byNeedType,
                           List<Row> bySector, List<Row> byCounty, List<Row> byPartner, List<Row> byMonth,
                           List<UnmetRank> unmetByCount, List<UnmetRank> unmetByBusinesses) {

    public DemandReport {
        byNeedType = List.copyOf(byNeedType);
        bySector = List.copyOf(bySector);
        byCounty = List.copyOf(byCounty);
        byPartner = List.copyOf(byPartner);
        byMonth = List.copyOf(byMonth);
        unmetByCount = List.copyOf(unmetByCount);
        unmetByBusinesses = List.copyOf(unmetByBusinesses);
    }

    /** The four counts of the analysis. */
    public record Figures(long needsRaised, long offersMade, long offersAccepted, long unmetNeeds) {
    }

    /**
     * The figures of one value of a dimension.
     *
     * @param code the need code, sector code, county FIPS code, partner id or month (YYYY-MM); {@code null} when
     *             the profile did not know the sector or county
     */
    public record Row(String code, String label, Figures figures) {
    }

    /**
     * Unmet needs of one need type.
     *
     * @param businessesAffected distinct businesses with at least one unmet need of this type
     */
    public record UnmetRank(String needCode, String needLabel, long unmetNeeds, long businessesAffected,
                            long noService, long noCapacity, long eligibilityUnknown, long notEligible) {
    }
}
