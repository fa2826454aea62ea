package org.onedoor.directory.internal;

import java.time.Duration;

/**
 * Capacity figures as entered, before {@link CapacityEditor} checks them. Numbers are {@code long} so that a
 * value beyond the database's integer range gets a message instead of overflowing.
 *
 * @param unit a {@link org.onedoor.directory.CapacityUnit} name; {@code null} when missing
 */
public record CapacityFigures(String unit, Long available, Long maximum, Duration freshnessLimit) {
}
