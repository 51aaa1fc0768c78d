package com.busanev.production.plan;

/**
 * The order in which builds compete for the plan, in one place for every query that picks builds to move or to
 * slot. Ties end on the order id, so the same rows always come first.
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
}
