package com.busanev.kit.paging;

import io.quarkus.panache.common.Parameters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WHERE part of a list endpoint's Panache query: optional filters combined with AND, each added only when the
 * caller gave it. Immutable: every {@code and} returns a new filter, so a scoped base filter can be shared.
 *
 * <pre>{@code
 * ListFilter filter = ListFilter.all()
 *         .and("status = :status", "status", status)
 *         .andIf(delayed, "delayedAt is not null");
 * Shipment.find(filter.query(), sort, filter.parameters()).page(...);  // or count(filter.query(), filter.parameters())
 * }</pre>
 *
 * A condition is one predicate; one with {@code or} in it needs its own parentheses.
 */
public final class ListFilter {
    private static final ListFilter ALL = new ListFilter(List.of(), Map.of());

    private final List<String> conditions;
    private final Map<String, Object> values;

    private ListFilter(List<String> conditions, Map<String, Object> values) {
        this.conditions = conditions;
        this.values = values;
    }

    /** No condition: every row. */
    public static ListFilter all() {
        return ALL;
    }

    /** Adds {@code condition} with its named parameter {@code :name} bound to {@code value}; nothing if value is null. */
    public ListFilter and(String condition, String name, Object value) {
        if (value == null) {
            return this;
        }
        if (values.containsKey(name)) {
            throw new IllegalArgumentException("Parameter :" + name + " is bound already (to " + values.get(name) + ")");
        }
        Map<String, Object> more = new LinkedHashMap<>(values);
        more.put(name, value);
        return new ListFilter(with(condition), Collections.unmodifiableMap(more));
    }

    /** Adds a condition without parameters (e.g. {@code "delayedAt is not null"}) when {@code applies}. */
    public ListFilter andIf(boolean applies, String condition) {
        return applies ? new ListFilter(with(condition), values) : this;
    }

    /**
     * The conditions joined with {@code and}, without WHERE; empty for {@link #all()}, which Panache's
     * {@code find(query, sort, parameters)} and {@code count(query, parameters)} read as the whole table.
     */
    public String query() {
        return String.join(" and ", conditions);
    }

    /** A fresh {@link Parameters} (Panache's is mutable) with one entry per condition added with a value. */
    public Parameters parameters() {
        Parameters parameters = new Parameters();
        values.forEach(parameters::and);
        return parameters;
    }

    private List<String> with(String condition) {
        List<String> more = new ArrayList<>(conditions);
        more.add(condition);
        return List.copyOf(more);
    }
}
