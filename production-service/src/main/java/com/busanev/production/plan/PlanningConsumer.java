package com.busanev.production.plan;

import com.busanev.events.EventType;
import com.busanev.events.OrderCancelRequested;
import com.busanev.events.OrderPlaced;
import com.busanev.events.PacksAllocated;
import com.busanev.kit.inbox.CancelledOrders;
import com.busanev.kit.messaging.EventConsumer;
import com.busanev.kit.messaging.IncomingEvent;
import com.busanev.production.build.Build;
import com.busanev.production.build.BuildStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Orders to slot, cancel requests to decide, and pack allocations that unblock orders. */
@ApplicationScoped
public class PlanningConsumer {
    private final EventConsumer consumer;
    private final Planner planner;
    private final CancelledOrders cancelledOrders;

    PlanningConsumer(EventConsumer consumer, Planner planner, CancelledOrders cancelledOrders) {
        this.consumer = consumer;
        this.planner = planner;
        this.cancelledOrders = cancelledOrders;
    }

    @Incoming("order-events")
    Uni<Void> onOrder(Message<String> message) {
        return consumer.consume(message, Set.of(EventType.ORDER_PLACED, EventType.ORDER_CANCEL_REQUESTED), this::apply);
    }

    @Incoming("supplier-events")
    Uni<Void> onSupply(Message<String> message) {
        return consumer.consume(message, Set.of(EventType.PACKS_ALLOCATED), this::apply);
    }

    Uni<Void> apply(IncomingEvent event) {
        if (event.payload() instanceof OrderPlaced placed) {
            // Known already (a redelivery under another event id), or cancelled before the plant saw it: no build.
            return Build.<Build>findById(placed.orderId())
                    .chain(existing -> existing != null ? Uni.createFrom().item(true)
                            : cancelledOrders.isCancelled(placed.orderId()))
                    .chain(skip -> skip ? Uni.createFrom().voidItem() : place(placed));
        }
        if (event.payload() instanceof OrderCancelRequested request) {
            return planner.cancel(request.orderId());
        }
        if (event.payload() instanceof PacksAllocated allocated) {
            return planner.packsAllocated(allocated);
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> place(OrderPlaced placed) {
        Build build = new Build();
        build.orderId = placed.orderId();
        build.brand = placed.brand();
        build.market = placed.market();
        build.region = placed.region();
        build.variant = placed.variant();
        build.requestedWeek = placed.requestedWeek();
        build.priority = placed.priority();
        build.placedAt = placed.placedAt();
        build.status = BuildStatus.BLOCKED;
        return build.persist().chain(() -> planner.schedule(build));
    }
}
