package com.busanev.production.plan;

import com.busanev.events.EventType;
import com.busanev.events.OrderCancelled;
import com.busanev.events.OrderPlaced;
import com.busanev.events.PacksAllocated;
import com.busanev.kit.messaging.EventConsumer;
import com.busanev.kit.messaging.IncomingEvent;
import com.busanev.production.build.Build;
import com.busanev.production.build.BuildStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/** Orders to slot or release, and pack allocations that unblock orders. */
@ApplicationScoped
public class PlanningConsumer {
    private static final Logger LOG = Logger.getLogger(PlanningConsumer.class);

    private final EventConsumer consumer;
    private final Planner planner;

    PlanningConsumer(EventConsumer consumer, Planner planner) {
        this.consumer = consumer;
        this.planner = planner;
    }

    @Incoming("order-events")
    Uni<Void> onOrder(Message<String> message) {
        return consumer.consume(message, this::apply);
    }

    @Incoming("supplier-events")
    Uni<Void> onSupply(Message<String> message) {
        return consumer.consume(message, Set.of(EventType.PACKS_ALLOCATED), this::apply);
    }

    Uni<Void> apply(IncomingEvent event) {
        if (event.payload() instanceof OrderPlaced placed) {
            return Build.<Build>findById(placed.orderId())
                    .chain(existing -> existing != null ? Uni.createFrom().voidItem() : place(placed));
        }
        if (event.payload() instanceof OrderCancelled cancelled) {
            return Build.<Build>findById(cancelled.orderId()).chain(build -> {
                if (build == null || build.status == BuildStatus.CANCELLED) {
                    return Uni.createFrom().voidItem();
                }
                if (build.status != BuildStatus.SCHEDULED && build.status != BuildStatus.BLOCKED) {
                    LOG.warnf("order %s cancelled after its build started (%s): the build goes on", build.orderId, build.status);
                    return Uni.createFrom().voidItem();
                }
                return planner.cancel(build);
            });
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
