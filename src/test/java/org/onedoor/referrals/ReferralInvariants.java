package org.onedoor.referrals;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The capacity invariant of the referral flow as one SQL query, for any test that sends or changes referrals, load
 * tests included. For every service, held_units equals the referrals whose capacity_state is HELD, used_units
 * equals those USED, and every count stays between zero and the maximum.
 */
public final class ReferralInvariants {

    /** One service whose counts disagree with its referrals. */
    public record Violation(long serviceId, int availableUnits, int heldUnits, int usedUnits, int maximumUnits,
                            long heldReferrals, long usedReferrals) {
    }

    private ReferralInvariants() {
    }

    /** Lists the services that break the invariant; empty when it holds. Pass {@code null} to check every service. */
    public static List<Violation> violations(JdbcClient jdbc, Long serviceId) {
        return jdbc.sql("""
                        SELECT c.service_id, c.available_units, c.held_units, c.used_units, c.maximum_units,
                               count(r.id) FILTER (WHERE r.capacity_state = 'HELD') AS held_referrals,
                               count(r.id) FILTER (WHERE r.capacity_state = 'USED') AS used_referrals
                        FROM service_capacity c
                        LEFT JOIN referral r ON r.service_id = c.service_id
                        WHERE CAST(:service AS bigint) IS NULL OR c.service_id = :service
                        GROUP BY c.service_id
                        HAVING c.held_units <> count(r.id) FILTER (WHERE r.capacity_state = 'HELD')
                            OR c.used_units <> count(r.id) FILTER (WHERE r.capacity_state = 'USED')
                            OR c.available_units < 0 OR c.held_units < 0 OR c.used_units < 0
                            OR c.available_units + c.held_units + c.used_units > c.maximum_units""")
                .param("service", serviceId)
                .query(Violation.class)
                .list();
    }

    /** Referrals that own a unit of a service without capacity figures, which no count can match. */
    public static long unitsWithoutCapacityRow(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT count(*) FROM referral r
                        WHERE r.capacity_state <> 'RELEASED'
                          AND NOT EXISTS (SELECT 1 FROM service_capacity c WHERE c.service_id = r.service_id)""")
                .query(Long.class)
                .single();
    }
}
