package org.onedoor.demand.internal;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.List;

import org.onedoor.demand.DemandFilter;
import org.onedoor.demand.UnmetNeed;
import org.onedoor.demand.UnmetReason;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;

/** Reads the unmet needs log, newest first, with the filters of the demand figures. */
@Component
public class UnmetNeedLog {

    private static final String FILTERED = """
            FROM unmet_need u
            JOIN business b ON b.id = u.business_id
            JOIN partner p ON p.id = u.partner_id
            LEFT JOIN us_county c ON c.fips = u.county_fips
            WHERE (CAST(:areaId AS bigint) IS NULL OR u.area_id = :areaId)
              AND (CAST(:needCode AS text) IS NULL OR u.need_code = :needCode)
              AND (CAST(:sector AS text) IS NULL OR u.naics_sector = :sector)
              AND (CAST(:county AS text) IS NULL OR u.county_fips = :county)
              AND (CAST(:partnerId AS bigint) IS NULL OR u.partner_id = :partnerId)
              AND (CAST(:fromAt AS timestamptz) IS NULL OR u.recorded_at >= :fromAt)
              AND (CAST(:toAt AS timestamptz) IS NULL OR u.recorded_at < :toAt)
            """;

    private final JdbcClient jdbc;
    private final DemandSettings settings;

    UnmetNeedLog(JdbcClient jdbc, DemandSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    public ResultPage<UnmetNeed> page(DemandFilter filter, PageRequest pageRequest) {
        long total = bind(jdbc.sql("SELECT count(*) " + FILTERED), filter).query(Long.class).single();
        List<UnmetNeed> entries = bind(jdbc.sql("""
                        SELECT u.id, u.need_id, u.business_id, b.legal_name AS business_name, u.need_code,
                               u.naics_sector, u.county_fips, c.name AS county_name, u.employee_band, u.reason,
                               u.services_considered, u.partner_id, p.name AS partner_name, u.recorded_at
                        """ + FILTERED + " ORDER BY u.recorded_at DESC, u.id DESC LIMIT :limit OFFSET :offset"), filter)
                .param("limit", pageRequest.size())
                .param("offset", pageRequest.offset())
                .query((rs, rowNumber) -> new UnmetNeed(rs.getLong("id"), rs.getLong("need_id"),
                        rs.getLong("business_id"), rs.getString("business_name"), rs.getString("need_code"),
                        NeedStore.needLabel(rs.getString("need_code")), rs.getString("naics_sector"),
                        rs.getString("county_fips"), rs.getString("county_name"), rs.getString("employee_band"),
                        UnmetReason.valueOf(rs.getString("reason")), rs.getInt("services_considered"),
                        rs.getLong("partner_id"), rs.getString("partner_name"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
        return ResultPage.of(entries, pageRequest, total);
    }

    private StatementSpec bind(StatementSpec statement, DemandFilter filter) {
        ZoneId zone = ZoneId.of(settings.timeZone());
        return statement.param("areaId", filter.areaId())
                .param("needCode", filter.needCode())
                .param("sector", filter.naicsSector())
                .param("county", filter.countyFips())
                .param("partnerId", filter.partnerId())
                .param("fromAt", filter.from() == null ? null
                        : Timestamp.from(filter.from().atDay(1).atStartOfDay(zone).toInstant()))
                .param("toAt", filter.to() == null ? null
                        : Timestamp.from(filter.to().plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()));
    }
}
