package com.busanev.tower.api;

import com.busanev.tower.web.Paging;
import jakarta.ws.rs.QueryParam;

/**
 * Which page of a service's list, as every service reads it ({@code ?page=&size=}): one parameter of each client.
 * A class with getters, not a record: the REST client reads a bean parameter's values through its getters.
 */
public final class PageRequest {
    @QueryParam("page")
    private final int page;
    @QueryParam("size")
    private final int size;

    private PageRequest(int page, int size) {
        this.page = page;
        this.size = size;
    }

    /** A page of a list view, {@link Paging#SIZE} rows. */
    public static PageRequest of(int page) {
        return new PageRequest(page, Paging.SIZE);
    }

    /** The first {@code size} rows: a panel's short list, or a lookup of one. */
    public static PageRequest first(int size) {
        return new PageRequest(0, size);
    }

    public int getPage() {
        return page;
    }

    public int getSize() {
        return size;
    }
}
