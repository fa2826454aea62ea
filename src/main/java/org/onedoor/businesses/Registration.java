package org.onedoor.businesses;

/**
 * The outcome of registering an incoming business.
 *
 * @param businessId the business the record now belongs to
 * @param created {@code true} when a new business was created, {@code false} when the record matched one
 * @param matchReason for a match, why it is the same business in plain words; otherwise {@code null}
 */
public record Registration(long businessId, boolean created, String matchReason) {
}
