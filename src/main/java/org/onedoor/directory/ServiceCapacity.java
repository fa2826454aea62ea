package org.onedoor.directory;

import java.time.Duration;
import java.time.Instant;

import org.onedoor.directory.internal.DirectoryTimes;

/**
 * The live capacity of a service. A service without figures has {@code unit}, {@code updatedAt},
 * {@code updatedBy} and {@code freshnessLimit} set to {@code null}, zero counts and status
 * {@link CapacityStatus#UNKNOWN}.
 *
 * @param available units that a new referral can take now
 * @param held      units held by referrals that the partner has not accepted yet
 * @param used      units taken by accepted referrals
 * @param updatedBy display name of the person or partner system that last set or confirmed the figures
 * @param status    computed by the database clock: unknown once {@code updatedAt + freshnessLimit} has passed
 */
public record ServiceCapacity(long serviceId, CapacityUnit unit, int available, int maximum, int held, int used,
                              Instant updatedAt, String updatedBy, Duration freshnessLimit, CapacityStatus status) {

    public static ServiceCapacity notRecorded(long serviceId) {
        return new ServiceCapacity(serviceId, null, 0, 0, 0, 0, null, null, null, CapacityStatus.UNKNOWN);
    }

    /** Tells whether the partner has ever entered figures for this service. */
    public boolean recorded() {
        return unit != null;
    }

    /** Tells whether a referral may take a unit now: figures are current and at least one unit is available. */
    public boolean referable() {
        return status == CapacityStatus.AVAILABLE;
    }

    /** Returns when the figures stop being trusted, or {@code null} without figures. */
    public Instant freshUntil() {
        return recorded() ? updatedAt.plus(freshnessLimit) : null;
    }

    /** Returns when the figures were last set or confirmed, in the given zone; empty without figures. */
    public String updatedText(String timeZone) {
        return DirectoryTimes.format(updatedAt, timeZone);
    }

    /** Returns when the figures stop being trusted, in the given zone; empty without figures. */
    public String freshUntilText(String timeZone) {
        return DirectoryTimes.format(freshUntil(), timeZone);
    }

    /** Tells whether the figures exist but are older than their freshness limit. */
    public boolean expired() {
        return recorded() && status == CapacityStatus.UNKNOWN;
    }

    /** Returns a short plain-language summary, such as "12 of 20 cohort seats available". */
    public String summary() {
        if (status == CapacityStatus.UNKNOWN) {
            return CapacityStatus.UNKNOWN.label();
        }
        String figures = available + " of " + maximum + " " + unit.label();
        return status == CapacityStatus.FULL ? "Full: " + figures + " available" : figures + " available";
    }

    /** Returns the freshness limit in words, such as "7 days" or "36 hours". */
    public String freshnessText() {
        if (freshnessLimit == null) {
            return "";
        }
        long hours = freshnessLimit.toHours();
        if (hours % 24 == 0) {
            long days = hours / 24;
            return days == 1 ? "1 day" : days + " days";
        }
        return hours == 1 ? "1 hour" : hours + " hours";
    }
}
