package com.busanev.order.order;

/**
 * Where an order is in the chain. The rank orders the forward path: an event that would lower it (late or
 * duplicate) changes nothing. SCHEDULED and BLOCKED share a rank because an order moves between them freely.
 */
public enum OrderStatus {
    RECEIVED(0), SCHEDULED(1), BLOCKED(1), IN_PRODUCTION(2), BUILT(3), SHIPPED(4), ARRIVED(5), CANCELLED(99);

    private final int rank;

    OrderStatus(int rank) {
        this.rank = rank;
    }

    /** The status after an event that points to {@code next}: forward moves only; CANCELLED is terminal. */
    public OrderStatus advanceTo(OrderStatus next) {
        if (this == CANCELLED) {
            return this;
        }
        return next.rank >= rank ? next : this;
    }

    public boolean cancellable() {
        return this == RECEIVED || this == SCHEDULED || this == BLOCKED;
    }
}
