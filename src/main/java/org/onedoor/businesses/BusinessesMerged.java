package org.onedoor.businesses;

/**
 * Published inside the transaction of a business merge, after the businesses module moved its own rows. Each module
 * with rows that point at a business listens with a plain {@code @EventListener}, moves the other business's rows to
 * the survivor and records each changed row through {@link MergedRows}. An exception from a listener rolls the whole
 * merge back.
 *
 * @param userId the user who merged
 */
public record BusinessesMerged(long mergeId, long survivorId, long otherId, long userId) {
}
