package com.busanev.order.order;

import com.busanev.kit.outbox.OutboxEvent;
import java.util.List;

/** An accepted order as the rows that place it: the order, its OrderPlaced in the outbox, its first timeline entry. */
record NewOrder(Order order, OutboxEvent placed, TimelineEntry entry) {

    /** The answer to the brand: the order as written, with its one timeline step. */
    OrderView view() {
        return OrderView.of(order, List.of(entry));
    }
}
