package com.busanev.kit.sql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * One column of many rows as an array parameter, for a statement that writes them all at once through
 * {@code unnest} (one round trip and one statement instead of a row each).
 */
public final class ArrayColumns {
    private ArrayColumns() {
    }

    public static <T> String[] texts(List<T> rows, Function<T, String> column) {
        return rows.stream().map(column).toArray(String[]::new);
    }

    public static <T> UUID[] uuids(List<T> rows, Function<T, UUID> column) {
        return rows.stream().map(column).toArray(UUID[]::new);
    }

    /** For the reactive SQL client, which binds {@code timestamptz[]} from offset date-times. */
    public static <T> OffsetDateTime[] times(List<T> rows, Function<T, Instant> column) {
        return rows.stream().map(column).map(at -> at == null ? null : at.atOffset(ZoneOffset.UTC))
                .toArray(OffsetDateTime[]::new);
    }

    /** For a Hibernate native query, which binds text arrays; the statement casts them to {@code timestamptz[]}. */
    public static <T> String[] timeTexts(List<T> rows, Function<T, Instant> column) {
        return rows.stream().map(column).map(at -> at == null ? null : at.toString()).toArray(String[]::new);
    }
}
