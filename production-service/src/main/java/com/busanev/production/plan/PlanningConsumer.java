package com.busanev.production.plan;

import com.busanev.events.EventType;
import com.busanev.events.OrderCancelRequested;
import com.busanev.events.OrderChangeRequested;
import com.busanev.events.OrderPlaced;
import com.busanev.events.PacksAllocated;
import com.busanev.events.PacksReceived;
import com.busanev.kit.messaging.EventConsumer;
import com.busanev.kit.messaging.IncomingEvent;
import com.busanev.production.build.Build;
import com.busanev.production.build.BuildStatus;
import com.busanev.production.pack.PackStock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Orders to slot, cancel and change requests to decide, and pack allocations that unblock orders: each batch of
 * records is one planning change ({@link Planner#apply}). The packs supplier-service received go to the floor's stock
 * ({@link PackStock}) in the same transaction.
 */
@ApplicationScoped
public class PlanningConsumer {
    /** Orders of the batch the plant knows already, or that were cancelled before it saw them. */
    private static final String KNOWN = """
            SELECT order_id FROM build WHERE order_id = ANY(cast(?1 as uuid[]))
            UNION SELECT order_id FROM cancelled_order WHERE order_id = ANY(cast(?1 as uuid[]))""";

    private final EventConsumer consumer;
    private final Planner planner;
    private final PackStock packs;

    PlanningConsumer(EventConsumer consumer, Planner planner, PackStock packs) {
        this.consumer = consumer;
        this.planner = planner;
        this.packs = packs;
    }

    @Incoming("order-events")
    Uni<Void> onOrders(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, Set.of(EventType.ORDER_PLACED, EventType.ORDER_CANCEL_REQUESTED,
                EventType.ORDER_CHANGE_REQUESTED), this::apply);
    }

    @Incoming("supplier-events")
    Uni<Void> onSupply(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, Set.of(EventType.PACKS_ALLOCATED, EventType.PACKS_RECEIVED), this::apply);
    }

    Uni<Void> apply(List<IncomingEvent> events) {
        UUID[] placed = events.stream().map(IncomingEvent::payload).filter(OrderPlaced.class::isInstance)
                .map(e -> ((OrderPlaced) e).orderId()).toArray(UUID[]::new);
        List<PacksReceived> received = events.stream().map(IncomingEvent::payload).filter(PacksReceived.class::isInstance)
                .map(PacksReceived.class::cast).toList();
        return packs.receive(received).chain(() -> known(placed)).map(known -> changes(events, known))
                // a batch of receipts only plans nothing: no planning lock
                .chain(changes -> changes.isEmpty() ? Uni.createFrom().voidItem() : planner.apply(changes));
    }

    private static Uni<Set<UUID>> known(UUID[] orderIds) {
        if (orderIds.length == 0) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(KNOWN, UUID.class).setParameter(1, orderIds).getResultList())
                .map(HashSet::new);
    }

    /** An OrderPlaced known already (a redelivery under another event id, also within the batch) adds no build. */
    private static List<PlanChange> changes(List<IncomingEvent> events, Set<UUID> known) {
        Set<UUID> seen = new HashSet<>(known);
        List<PlanChange> changes = new ArrayList<>(events.size());
        for (IncomingEvent event : events) {
            if (event.payload() instanceof OrderPlaced placed && seen.add(placed.orderId())) {
                changes.add(new PlanChange.Place(build(placed)));
            } else if (event.payload() instanceof OrderCancelRequested request) {
                changes.add(new PlanChange.Cancel(request.orderId()));
            } else if (event.payload() instanceof OrderChangeRequested request) {
                changes.add(new PlanChange.Respecify(request));
            } else if (event.payload() instanceof PacksAllocated allocated) {
                changes.add(new PlanChange.Allocate(allocated));
            }
        }
        return changes;
    }

    private static Build build(OrderPlaced placed) {
        Build build = new Build();
        build.orderId = placed.orderId();
        build.brand = placed.brand();
        build.market = placed.market();
        build.region = placed.region();
        build.variant = placed.variant();
        build.exteriorColour = placed.exteriorColour();
        build.optionPacks = String.join(",", placed.optionPacks() == null ? List.of() : placed.optionPacks());
        build.requestedWeek = placed.requestedWeek();
        build.priority = placed.priority();
        build.placedAt = placed.placedAt();
        build.status = BuildStatus.BLOCKED;
        return build;
    }
}
