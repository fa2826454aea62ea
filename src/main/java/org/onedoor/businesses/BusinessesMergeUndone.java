package org.onedoor.businesses;

/**
 * Published inside the transaction of a merge undo, after every row recorded through {@link MergedRows} was written
 * back as it was before the merge. Listeners only add side effects, such as notices; they need not restore rows.
 *
 * @param userId the user who undid the merge
 */
public record BusinessesMergeUndone(long mergeId, long survivorId, long otherId, long userId) {
}
