package com.busanev.tower.web;

/** Rows per page of every list view: enough for a 1366x768 screen without scrolling far. */
public final class Paging {
    public static final int SIZE = 20;

    private Paging() {
    }

    /** A page number from the query string: negative ones become the first page. */
    public static int page(Integer requested) {
        return requested == null || requested < 0 ? 0 : requested;
    }

    /** An empty form field means no filter. */
    public static String filter(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
