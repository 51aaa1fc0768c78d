package com.busanev.supplier.allocation;

import com.busanev.events.BlockReason;
import com.busanev.events.BuildBlocked;
import com.busanev.events.BuildCancelled;
import com.busanev.events.BuildRescheduled;
import com.busanev.events.BuildScheduled;
import com.busanev.events.EventType;
import com.busanev.events.IsoWeek;
import com.busanev.events.Region;
import com.busanev.kit.inbox.CancelledOrders;
import com.busanev.kit.messaging.BatchHandler;
import com.busanev.kit.messaging.EventConsumer;
import com.busanev.kit.messaging.IncomingEvent;
import com.busanev.kit.messaging.InvalidEventException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps each order's pack demand (region and market) in the week the plant wants it, and marks the weeks that
 * changed for {@link PendingWeeks} to re-allocate. All of it comes from production-events, keyed by order: the plant's
 * BuildCancelled follows the order's build events on the same partition, so nothing overtakes it. The cancel leaves a
 * tombstone all the same, so a build event replayed after it (a dead letter copied back) adds no demand.
 */
@ApplicationScoped
public class DemandConsumer {
    private final EventConsumer consumer;
    private final PendingWeeks pendingWeeks;
    private final CancelledOrders cancelledOrders;

    DemandConsumer(EventConsumer consumer, PendingWeeks pendingWeeks, CancelledOrders cancelledOrders) {
        this.consumer = consumer;
        this.pendingWeeks = pendingWeeks;
        this.cancelledOrders = cancelledOrders;
    }

    @Incoming("production-events")
    Uni<Void> onProduction(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, Set.of(EventType.BUILD_SCHEDULED, EventType.BUILD_RESCHEDULED,
                EventType.BUILD_BLOCKED, EventType.BUILD_CANCELLED), BatchHandler.eachInTurn(this::apply));
    }

    Uni<Void> apply(IncomingEvent event) {
        if (event.payload() instanceof BuildScheduled e) {
            return demand(e.orderId(), e.region(), e.market(), e.week());
        }
        if (event.payload() instanceof BuildRescheduled e) {
            return demand(e.orderId(), e.region(), null, e.week()); // carries no market: the one known stays
        }
        if (event.payload() instanceof BuildBlocked e) {
            // Only missing packs are pack demand; an order blocked for line capacity needs no pack yet.
            return e.reason() == BlockReason.NO_PACKS && e.week() != null
                    ? demand(e.orderId(), e.region(), e.market(), e.week())
                    : withdraw(e.orderId());
        }
        if (event.payload() instanceof BuildCancelled e) {
            return cancel(e.orderId(), e.cancelledAt());
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> demand(UUID orderId, Region region, String market, String week) {
        return cancelledOrders.isCancelled(orderId).chain(cancelled -> cancelled
                ? Uni.createFrom().voidItem()
                : Demand.<Demand>findById(orderId).chain(existing -> {
                    Set<IsoWeek> changed = new HashSet<>();
                    changed.add(demandWeek(week));
                    Demand demand = existing != null ? existing : new Demand();
                    String knownMarket = market != null || existing == null ? market : existing.market;
                    if (existing != null) {
                        if (existing.week.equals(week) && existing.region == region
                                && Objects.equals(existing.market, knownMarket)) {
                            return Uni.createFrom().voidItem();
                        }
                        changed.add(IsoWeek.parse(existing.week));
                    }
                    demand.orderId = orderId;
                    demand.region = region;
                    demand.market = knownMarket;
                    demand.week = week;
                    return demand.persist().chain(() -> pendingWeeks.mark(changed));
                }));
    }

    /** A week that is no ISO week can never be allocated, however often it is tried: the event is dead-lettered. */
    private static IsoWeek demandWeek(String week) {
        try {
            return IsoWeek.parse(week);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("demand for '" + week + "', which is no ISO week", e);
        }
    }

    private Uni<Void> cancel(UUID orderId, Instant cancelledAt) {
        return cancelledOrders.remember(orderId, cancelledAt).chain(() -> withdraw(orderId));
    }

    private Uni<Void> withdraw(UUID orderId) {
        return Demand.<Demand>findById(orderId).chain(existing -> existing == null
                ? Uni.createFrom().voidItem()
                : existing.delete().chain(() -> pendingWeeks.mark(Set.of(IsoWeek.parse(existing.week)))));
    }
}
