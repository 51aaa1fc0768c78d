package com.busanev.production.plan;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The order in which builds compete for the plan, in one place for the planner's queries and for a what-if that
 * plays the same rules in memory. Ties end on the order id, compared as PostgreSQL compares uuids (its text
 * form), so the database and the comparator pick the same build.
 */
public enum PlanPriority {
    /** Lowest priority, then latest order: the builds that move when a day or week has too little. */
    GIVES_UP_FIRST("priority asc, placedAt desc, orderId desc"),
    /** Highest priority, then first come: the blocked orders that try for a slot first. */
    SLOTS_FIRST("priority desc, placedAt asc, orderId asc");

    private final String orderBy;

    PlanPriority(String orderBy) {
        this.orderBy = orderBy;
    }

    /** The JPQL ordering of {@link com.busanev.production.build.Build}s, after {@code order by}. */
    public String orderBy() {
        return orderBy;
    }

    /** The same ordering of anything that has a build's priority, order time and order id. */
    public <T> Comparator<T> comparator(ToIntFunction<T> priority, Function<T, Instant> placedAt, Function<T, UUID> orderId) {
        Comparator<T> first = Comparator.comparingInt(priority);
        Comparator<T> placed = Comparator.comparing(placedAt);
        Comparator<T> id = Comparator.comparing(t -> orderId.apply(t).toString());
        return this == GIVES_UP_FIRST
                ? first.thenComparing(placed.reversed()).thenComparing(id.reversed())
                : first.reversed().thenComparing(placed).thenComparing(id);
    }
}
