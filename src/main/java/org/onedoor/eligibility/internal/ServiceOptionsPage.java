package org.onedoor.eligibility.internal;

import java.util.List;

/**
 * One page of the services for a business, best options first, with counts over all pages.
 *
 * @param page counts from 0
 * @param total the number of services on all pages
 * @param counts the services on all pages by eligibility result
 */
public record ServiceOptionsPage(List<ServiceOption> items, int page, int size, long total, Counts counts) {

    public ServiceOptionsPage {
        items = List.copyOf(items);
    }

    /**
     * Services on all pages by eligibility result.
     *
     * @param eligibleAndAvailable the eligible services that have room now, counted in {@code eligible} too
     */
    public record Counts(long eligible, long eligibleAndAvailable, long unknown, long notEligible) {

        public static final Counts NONE = new Counts(0, 0, 0, 0);
    }

    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
