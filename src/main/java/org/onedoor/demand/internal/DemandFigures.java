package org.onedoor.demand.internal;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.onedoor.demand.DemandFilter;
import org.onedoor.demand.DemandReport;
import org.onedoor.demand.DemandReport.Figures;
import org.onedoor.demand.DemandReport.Row;
import org.onedoor.demand.DemandReport.UnmetRank;
import org.onedoor.eligibility.FactCatalog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;

/**
 * Computes the demand figures in SQL: one query with grouping sets for the totals and the five breakdowns, and one
 * for the ranking of unmet needs.
 */
@Component
public class DemandFigures {

    /** Label of a sector or county that the profile did not know when the need was raised. */
    public static final String NOT_KNOWN = "Not known";

    private final JdbcClient jdbc;
    private final DemandSettings settings;

    DemandFigures(JdbcClient jdbc, DemandSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /**
     * Every counted record with the dimensions it groups by. An offer takes its need type, sector, county and area
     * from its need, and its partner and time from itself. "No offer made" records are not offers.
     */
    private static final String FACTS = """
            WITH fact AS (
                SELECT n.business_id, n.need_code, n.naics_sector, n.county_fips, n.partner_id, n.area_id,
                       n.raised_at AS at, 1 AS need, 0 AS offer, 0 AS accepted, 0 AS unmet, NULL AS reason
                FROM business_need n
                UNION ALL
                SELECT n.business_id, n.need_code, n.naics_sector, n.county_fips, o.partner_id, n.area_id,
                       o.recorded_at, 0, 1, CASE WHEN o.answer = 'ACCEPTED' THEN 1 ELSE 0 END, 0, NULL
                FROM need_offer o
                JOIN business_need n ON n.id = o.need_id
                WHERE o.kind = 'OFFER'
                UNION ALL
                SELECT u.business_id, u.need_code, u.naics_sector, u.county_fips, u.partner_id, u.area_id,
                       u.recorded_at, 0, 0, 0, 1, u.reason
                FROM unmet_need u
            ), filtered AS (
                SELECT fact.*, to_char(fact.at AT TIME ZONE :zone, 'YYYY-MM') AS month
                FROM fact
                WHERE (CAST(:areaId AS bigint) IS NULL OR area_id = :areaId)
                  AND (CAST(:needCode AS text) IS NULL OR need_code = :needCode)
                  AND (CAST(:sector AS text) IS NULL OR naics_sector = :sector)
                  AND (CAST(:county AS text) IS NULL OR county_fips = :county)
                  AND (CAST(:partnerId AS bigint) IS NULL OR partner_id = :partnerId)
                  AND (CAST(:fromAt AS timestamptz) IS NULL OR at >= :fromAt)
                  AND (CAST(:toAt AS timestamptz) IS NULL OR at < :toAt)
            )
            """;

    public DemandReport report(DemandFilter filter) {
        Map<String, List<Row>> rows = new HashMap<>();
        Figures[] totals = {new Figures(0, 0, 0, 0)};
        bind(jdbc.sql(FACTS + """
                        SELECT CASE WHEN GROUPING(need_code) = 0 THEN 'need'
                                    WHEN GROUPING(naics_sector) = 0 THEN 'sector'
                                    WHEN GROUPING(county_fips) = 0 THEN 'county'
                                    WHEN GROUPING(partner_id) = 0 THEN 'partner'
                                    WHEN GROUPING(month) = 0 THEN 'month'
                                    ELSE 'total' END AS dimension,
                               COALESCE(need_code, naics_sector, county_fips, CAST(partner_id AS text), month) AS code,
                               sum(need) AS needs, sum(offer) AS offers, sum(accepted) AS accepted,
                               sum(unmet) AS unmet
                        FROM filtered
                        GROUP BY GROUPING SETS ((), (need_code), (naics_sector), (county_fips), (partner_id), (month))
                        """), filter)
                .query(rs -> {
                    Figures figures = new Figures(rs.getLong("needs"), rs.getLong("offers"), rs.getLong("accepted"),
                            rs.getLong("unmet"));
                    String dimension = rs.getString("dimension");
                    if (dimension.equals("total")) {
                        totals[0] = figures;
                    } else {
                        String code = rs.getString("code");
                        rows.computeIfAbsent(dimension, key -> new ArrayList<>())
                                .add(new Row(code, null, figures));
                    }
                });

        Labels labels = labels();
        List<UnmetRank> ranks = unmetRanks(filter);
        return new DemandReport(filter, settings.timeZone(), totals[0],
                labelled(rows.get("need"), code -> NeedStore.needLabel(code)),
                labelled(rows.get("sector"), code -> FactCatalog.NAICS_SECTORS.getOrDefault(code, code)),
                labelled(rows.get("county"), code -> labels.counties().getOrDefault(code, code)),
                labelled(rows.get("partner"), code -> labels.partners().getOrDefault(code, code)),
                byMonth(rows.get("month")),
                ranks,
                ranks.stream().sorted(Comparator.comparingLong(UnmetRank::businessesAffected).reversed()
                        .thenComparing(Comparator.comparingLong(UnmetRank::unmetNeeds).reversed())
                        .thenComparing(UnmetRank::needLabel)).toList());
    }

    private List<UnmetRank> unmetRanks(DemandFilter filter) {
        return bind(jdbc.sql(FACTS + """
                        SELECT need_code, count(*) AS unmet, count(DISTINCT business_id) AS businesses,
                               count(*) FILTER (WHERE reason = 'NO_SERVICE') AS no_service,
                               count(*) FILTER (WHERE reason = 'NO_CAPACITY') AS no_capacity,
                               count(*) FILTER (WHERE reason = 'ELIGIBILITY_UNKNOWN') AS eligibility_unknown,
                               count(*) FILTER (WHERE reason = 'NOT_ELIGIBLE') AS not_eligible
                        FROM filtered
                        WHERE unmet = 1
                        GROUP BY need_code
                        """), filter)
                .query((rs, rowNumber) -> new UnmetRank(rs.getString("need_code"),
                        NeedStore.needLabel(rs.getString("need_code")), rs.getLong("unmet"),
                        rs.getLong("businesses"), rs.getLong("no_service"), rs.getLong("no_capacity"),
                        rs.getLong("eligibility_unknown"), rs.getLong("not_eligible")))
                .list()
                .stream()
                .sorted(Comparator.comparingLong(UnmetRank::unmetNeeds).reversed()
                        .thenComparing(Comparator.comparingLong(UnmetRank::businessesAffected).reversed())
                        .thenComparing(UnmetRank::needLabel))
                .toList();
    }

    private StatementSpec bind(StatementSpec statement, DemandFilter filter) {
        ZoneId zone = ZoneId.of(settings.timeZone());
        return statement.param("zone", settings.timeZone())
                .param("areaId", filter.areaId())
                .param("needCode", filter.needCode())
                .param("sector", filter.naicsSector())
                .param("county", filter.countyFips())
                .param("partnerId", filter.partnerId())
                .param("fromAt", filter.from() == null ? null
                        : Timestamp.from(filter.from().atDay(1).atStartOfDay(zone).toInstant()))
                .param("toAt", filter.to() == null ? null
                        : Timestamp.from(filter.to().plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()));
    }

    private record Labels(Map<String, String> counties, Map<String, String> partners) {
    }

    /** Loads the names of the counties and partners that needs refer to. */
    private Labels labels() {
        Map<String, String> counties = new HashMap<>();
        jdbc.sql("""
                        SELECT c.fips, c.name || ', ' || s.abbreviation AS label
                        FROM us_county c JOIN us_state s ON s.fips = c.state_fips
                        WHERE c.fips IN (SELECT county_fips FROM business_need UNION SELECT county_fips FROM unmet_need)
                        """)
                .query(rs -> {
                    counties.put(rs.getString("fips"), rs.getString("label"));
                });
        Map<String, String> partners = new HashMap<>();
        jdbc.sql("SELECT id, name FROM partner").query(rs -> {
            partners.put(String.valueOf(rs.getLong("id")), rs.getString("name"));
        });
        return new Labels(counties, partners);
    }

    /** Labels the rows and orders them by needs raised, most first, then by label. Unknown values come last. */
    private static List<Row> labelled(List<Row> rows, java.util.function.Function<String, String> label) {
        if (rows == null) {
            return List.of();
        }
        return rows.stream()
                .map(row -> new Row(row.code(), row.code() == null ? NOT_KNOWN : label.apply(row.code()),
                        row.figures()))
                .sorted(Comparator.comparing((Row row) -> row.code() == null)
                        .thenComparing(Comparator.comparingLong((Row row) -> row.figures().needsRaised()).reversed())
                        .thenComparing(Row::label))
                .toList();
    }

    private static List<Row> byMonth(List<Row> rows) {
        if (rows == null) {
            return List.of();
        }
        return rows.stream()
                .map(row -> new Row(row.code(), row.code(), row.figures()))
                .sorted(Comparator.comparing(Row::code))
                .toList();
    }
}
