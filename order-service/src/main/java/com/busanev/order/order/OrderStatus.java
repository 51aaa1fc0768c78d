package com.busanev.order.order;

/**
 * Where an order is in the chain. The rank orders the forward path: an event pointing to a lower rank (late or
 * duplicate) changes nothing. SCHEDULED and BLOCKED share a rank because an order moves between them as
 * supply changes; between those two the newer event wins (see {@link OrderProgress#moveTo}). CANCELLED is terminal: the
 * plant cancelled the build at the brand's request (BuildCancelled), so the car is never built.
 */
public enum OrderStatus {
    RECEIVED(0), SCHEDULED(1), BLOCKED(1), IN_PRODUCTION(2), BUILT(3), SHIPPED(4), ARRIVED(5), CANCELLED(99);

    private final int rank;

    OrderStatus(int rank) {
        this.rank = rank;
    }

    /** Whether an event pointing to {@code next} may move an order that is in this status. */
    boolean mayMoveTo(OrderStatus next, boolean newer) {
        if (this == CANCELLED || next == this) {
            return false;
        }
        return next.rank > rank || (next.rank == rank && newer);
    }

    /** A cancel may be requested until the build is known to have started; the plant decides it. */
    public boolean cancellable() {
        return rank <= SCHEDULED.rank;
    }
}
