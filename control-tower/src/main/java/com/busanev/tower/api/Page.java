package com.busanev.tower.api;

import java.util.List;

/** One page of a service's list, as every service answers {@code ?page=&size=}. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages;
    }

    public int previous() {
        return page - 1;
    }

    public int next() {
        return page + 1;
    }

    /** At least one, so an empty list reads "page 1 of 1". */
    public int pages() {
        return Math.max(totalPages, 1);
    }

    /** One-based, for people. */
    public int number() {
        return page + 1;
    }
}
