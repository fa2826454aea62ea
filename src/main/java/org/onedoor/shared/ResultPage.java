package org.onedoor.shared;

import java.util.List;

/** One page of results with the total count, as pages and the API return lists. */
public record ResultPage<T>(List<T> items, int page, int size, long total) {

    public static <T> ResultPage<T> of(List<T> items, PageRequest request, long total) {
        return new ResultPage<>(items, request.page(), request.size(), total);
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
