package org.onedoor.referrals.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves one unit of a service's capacity between available, held and used, each with one conditional update of
 * {@code service_capacity}. The caller changes the referral's {@code capacity_state} in the same transaction, so
 * the counts stay equal to the referrals that own the units.
 */
@Component
class CapacityHolds {

    /** The reason a hold was not taken. */
    enum Shortage { NO_CAPACITY, STALE, NOT_RECORDED }

    private final JdbcClient jdbc;

    CapacityHolds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes a unit as a hold; returns false when the service is full, has no figures or has stale figures. */
    boolean hold(long serviceId) {
        return jdbc.sql("""
                        UPDATE service_capacity SET available_units = available_units - 1, held_units = held_units + 1
                        WHERE service_id = :service AND available_units > 0 AND updated_at + freshness_limit > now()""")
                .param("service", serviceId)
                .update() == 1;
    }

    /** Reads the row after a failed hold to tell the caller which check failed. */
    Shortage shortage(long serviceId) {
        return jdbc.sql("""
                        SELECT updated_at + freshness_limit <= now() FROM service_capacity WHERE service_id = :service""")
                .param("service", serviceId)
                .query(Boolean.class)
                .optional()
                .map(stale -> stale ? Shortage.STALE : Shortage.NO_CAPACITY)
                .orElse(Shortage.NOT_RECORDED);
    }

    /** Turns a held unit into a used one, on acceptance. */
    void use(long serviceId) {
        require(jdbc.sql("""
                        UPDATE service_capacity SET held_units = held_units - 1, used_units = used_units + 1
                        WHERE service_id = :service AND held_units > 0""")
                .param("service", serviceId)
                .update(), serviceId, "held");
    }

    /** Gives a held unit back to available. */
    void releaseHeld(long serviceId) {
        require(jdbc.sql("""
                        UPDATE service_capacity SET held_units = held_units - 1, available_units = available_units + 1
                        WHERE service_id = :service AND held_units > 0""")
                .param("service", serviceId)
                .update(), serviceId, "held");
    }

    /** Gives a used unit back to available. */
    void releaseUsed(long serviceId) {
        require(jdbc.sql("""
                        UPDATE service_capacity SET used_units = used_units - 1, available_units = available_units + 1
                        WHERE service_id = :service AND used_units > 0""")
                .param("service", serviceId)
                .update(), serviceId, "used");
    }

    /** Fails the transaction when no unit was there to move, because then the counts and the referrals disagree. */
    private static void require(int rows, long serviceId, String column) {
        if (rows != 1) {
            throw new IllegalStateException("Service " + serviceId + " has no " + column
                    + " unit to move, although a referral owns one. The capacity counts disagree with the referrals.");
        }
    }
}
