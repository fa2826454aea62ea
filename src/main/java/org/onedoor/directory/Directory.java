package org.onedoor.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read access to the directory for other modules: partners, the service or office a record refers to, and the
 * live capacity of services.
 *
 * <p>Capacity holds for referrals: a referral takes a unit with one conditional update of
 * {@code service_capacity} that moves it from available to held only while a unit is available and the figures
 * are fresh, and reports whether a row changed:
 * <pre>
 * UPDATE service_capacity SET available_units = available_units - 1, held_units = held_units + 1
 * WHERE service_id = ? AND available_units &gt; 0 AND updated_at + freshness_limit &gt; now()
 * </pre>
 * Zero rows means the service is full or its availability is unknown. Accepting a referral moves the unit from
 * held to used, and declining it moves it back to available, each again one conditional update. The table's check
 * constraints keep every count between zero and the maximum, whichever writer runs.
 */
@Service
public class Directory {

    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PartnerSummary> findPartner(long id) {
        return jdbc.sql("SELECT id, area_id, code, name, demo FROM partner WHERE id = :id")
                .param("id", id)
                .query(PartnerSummary.class)
                .optional();
    }

    public List<PartnerSummary> partners() {
        return jdbc.sql("SELECT id, area_id, code, name, demo FROM partner ORDER BY name")
                .query(PartnerSummary.class)
                .list();
    }

    /**
     * Finds a service, active or not, with its partner, program, category, delivering office and verification.
     */
    public Optional<ServiceSummary> findService(long id) {
        return jdbc.sql("""
                        SELECT s.id, s.name, p.id AS partner_id, p.name AS partner_name, pr.id AS program_id,
                               pr.name AS program_name, c.code AS category_code, c.name AS category_name,
                               o.id AS office_id, o.name AS office_name, o.time_zone AS office_time_zone, s.active,
                               s.last_verified_at, s.last_verified_by, review.review_due_at, review.review_overdue
                        FROM service s
                        JOIN program pr ON pr.id = s.program_id
                        JOIN partner p ON p.id = pr.partner_id
                        JOIN office o ON o.id = s.office_id
                        JOIN employer_service_category c ON c.code = s.category_code
                        JOIN service_review review ON review.service_id = s.id
                        WHERE s.id = :id
                        """)
                .param("id", id)
                .query(ServiceSummary.class)
                .optional();
    }

    /** Returns a service's capacity; a service without figures gets {@link ServiceCapacity#notRecorded}. */
    public ServiceCapacity capacity(long serviceId) {
        return jdbc.sql(CAPACITY_SELECT + " WHERE service_id = :id")
                .param("id", serviceId)
                .query(Directory::mapCapacity)
                .optional()
                .orElseGet(() -> ServiceCapacity.notRecorded(serviceId));
    }

    /** Returns the capacity of each service, in the order given, with one query. */
    public Map<Long, ServiceCapacity> capacities(Collection<Long> serviceIds) {
        Map<Long, ServiceCapacity> result = new LinkedHashMap<>();
        for (Long id : serviceIds) {
            result.put(id, ServiceCapacity.notRecorded(id));
        }
        if (serviceIds.isEmpty()) {
            return result;
        }
        jdbc.sql(CAPACITY_SELECT + " WHERE service_id IN (:ids)")
                .param("ids", List.copyOf(serviceIds))
                .query(Directory::mapCapacity)
                .list()
                .forEach(capacity -> result.put(capacity.serviceId(), capacity));
        return result;
    }

    private static final String CAPACITY_SELECT = """
            SELECT service_id, unit, available_units, maximum_units, held_units, used_units, updated_at, updated_by,
                   extract(epoch FROM freshness_limit)::bigint AS freshness_seconds,
                   CASE WHEN updated_at + freshness_limit < now() THEN 'UNKNOWN'
                        WHEN available_units > 0 THEN 'AVAILABLE'
                        ELSE 'FULL' END AS status
            FROM service_capacity""";

    private static ServiceCapacity mapCapacity(ResultSet row, int rowNumber) throws SQLException {
        return new ServiceCapacity(
                row.getLong("service_id"),
                CapacityUnit.valueOf(row.getString("unit")),
                row.getInt("available_units"),
                row.getInt("maximum_units"),
                row.getInt("held_units"),
                row.getInt("used_units"),
                row.getTimestamp("updated_at").toInstant(),
                row.getString("updated_by"),
                Duration.ofSeconds(row.getLong("freshness_seconds")),
                CapacityStatus.valueOf(row.getString("status")));
    }

    /** Lists every office, or one partner's when {@code partnerId} is not {@code null}, by partner and name. */
    public List<OfficeSummary> offices(Long partnerId) {
        return jdbc.sql("""
                        SELECT o.id, o.partner_id, p.name AS partner_name, o.name, o.city, o.state, o.zip,
                               o.county_fips, o.time_zone, o.demo
                        FROM office o
                        JOIN partner p ON p.id = o.partner_id
                        WHERE CAST(:partnerId AS bigint) IS NULL OR o.partner_id = :partnerId
                        ORDER BY p.name, o.name
                        """)
                .param("partnerId", partnerId)
                .query(OfficeSummary.class)
                .list();
    }

    public Optional<OfficeSummary> findOffice(long id) {
        return jdbc.sql("""
                        SELECT o.id, o.partner_id, p.name AS partner_name, o.name, o.city, o.state, o.zip,
                               o.county_fips, o.time_zone, o.demo
                        FROM office o
                        JOIN partner p ON p.id = o.partner_id
                        WHERE o.id = :id
                        """)
                .param("id", id)
                .query(OfficeSummary.class)
                .optional();
    }
}
