package com.busanev.kit.paging;

import java.util.List;

/** One page of a list with the total, so a partner can page through without guessing. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
    public static <T> Page<T> of(List<T> items, PageParams params, long totalItems) {
        int pages = (int) ((totalItems + params.size - 1) / params.size);
        return new Page<>(items, params.page, params.size, totalItems, pages);
    }
}
