package com.busanev.supplier.allocation;

import com.busanev.events.BlockReason;
import com.busanev.events.BuildBlocked;
import com.busanev.events.BuildCancelled;
import com.busanev.events.BuildChanged;
import com.busanev.events.BuildRescheduled;
import com.busanev.events.BuildScheduled;
import com.busanev.events.DomainEvent;
import com.busanev.events.EventType;
import com.busanev.events.SequenceFrozen;
import com.busanev.events.VehicleBuilt;
import com.busanev.kit.inbox.CancelledOrders;
import com.busanev.kit.messaging.EventConsumer;
import com.busanev.kit.messaging.IncomingEvent;
import com.busanev.supplier.calloff.CallOffs;
import com.busanev.supplier.passport.Passports;
import com.busanev.supplier.stock.PackConsumption;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps each order's pack demand (region and market) in the week the plant wants it, and marks the weeks that
 * changed for {@link PendingWeeks} to re-allocate. All of it comes from production-events, keyed by order: the plant's
 * BuildCancelled follows the order's build events on the same partition, so nothing overtakes it. The cancel leaves a
 * tombstone all the same, so a build event replayed after it (a dead letter copied back) adds no demand.
 * <p>
 * A batch costs a fixed number of statements, however many events it holds: one query for its orders' demand, one
 * for their tombstones, the changes applied in memory in record order ({@link DemandBatch}), then one statement
 * upserting the changed rows, one deleting the withdrawn ones ({@link DemandRows}) and one marking the changed weeks.
 * <p>
 * The same batch transaction turns the batch's SequenceFrozen into the call-off in sequence ({@link CallOffs}), after
 * the batch's demand, so an order scheduled in the batch has its region and week; and marks the packs of the batch's
 * VehicleBuilt consumed ({@link PackConsumption}) and publishes their battery passports ({@link Passports}).
 */
@ApplicationScoped
public class DemandConsumer {
    private static final Set<EventType> FOLLOWED = Set.of(EventType.BUILD_SCHEDULED, EventType.BUILD_RESCHEDULED,
            EventType.BUILD_BLOCKED, EventType.BUILD_CANCELLED, EventType.BUILD_CHANGED, EventType.SEQUENCE_FROZEN,
            EventType.VEHICLE_BUILT);

    private final EventConsumer consumer;
    private final PendingWeeks pendingWeeks;
    private final CancelledOrders cancelledOrders;
    private final CallOffs callOffs;
    private final DemandRows demandRows;
    private final PackConsumption packs;
    private final Passports passports;

    DemandConsumer(EventConsumer consumer, PendingWeeks pendingWeeks, CancelledOrders cancelledOrders, CallOffs callOffs,
            DemandRows demandRows, PackConsumption packs, Passports passports) {
        this.consumer = consumer;
        this.demandRows = demandRows;
        this.pendingWeeks = pendingWeeks;
        this.cancelledOrders = cancelledOrders;
        this.callOffs = callOffs;
        this.packs = packs;
        this.passports = passports;
    }

    @Incoming("production-events")
    Uni<Void> onProduction(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, FOLLOWED, this::apply);
    }

    Uni<Void> apply(List<IncomingEvent> events) {
        // a day frozen twice in one batch: its last sequence counts
        Map<LocalDate, SequenceFrozen> frozen = new LinkedHashMap<>();
        events.stream().map(IncomingEvent::payload).filter(SequenceFrozen.class::isInstance).map(SequenceFrozen.class::cast)
                .forEach(day -> frozen.put(day.day(), day));
        List<VehicleBuilt> built = events.stream().map(IncomingEvent::payload).filter(VehicleBuilt.class::isInstance)
                .map(VehicleBuilt.class::cast).toList();
        return applyDemand(events).chain(() -> callOffs.freeze(List.copyOf(frozen.values())))
                .chain(() -> packs.consume(built)).chain(passports::built);
    }

    private Uni<Void> applyDemand(List<IncomingEvent> events) {
        List<DemandBatch.Change> changes = events.stream().map(event -> changeOf(event.payload()))
                .flatMap(Optional::stream).toList();
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<UUID> orders = changes.stream().map(DemandBatch.Change::orderId).collect(Collectors.toSet());
        return demandRows.of(orders)
                .chain(stored -> cancelledOrders.cancelledAmong(orders)
                        .map(cancelled -> new DemandBatch(stored, cancelled)))
                .invoke(batch -> changes.forEach(batch::apply))
                .chain(this::write);
    }

    private Uni<Void> write(DemandBatch batch) {
        return demandRows.upsert(batch.changed())
                .chain(() -> demandRows.delete(batch.withdrawn()))
                .chain(() -> Multi.createFrom().iterable(batch.cancels().entrySet())
                        .onItem().transformToUniAndConcatenate(cancel -> cancelledOrders.remember(cancel.getKey(),
                                cancel.getValue()))
                        .collect().last())
                .chain(() -> pendingWeeks.mark(batch.changedWeeks()));
    }

    private static Optional<DemandBatch.Change> changeOf(DomainEvent payload) {
        if (payload instanceof BuildScheduled e) {
            return Optional.of(new DemandBatch.Need(e.orderId(), e.region(), e.market(), e.week()));
        }
        if (payload instanceof BuildRescheduled e) {
            return Optional.of(new DemandBatch.Need(e.orderId(), e.region(), null, e.week())); // no market: the known stays
        }
        if (payload instanceof BuildBlocked e) {
            // Only missing packs are pack demand; an order blocked for line capacity needs no pack yet.
            return Optional.of(e.reason() == BlockReason.NO_PACKS && e.week() != null
                    ? new DemandBatch.Need(e.orderId(), e.region(), e.market(), e.week())
                    : new DemandBatch.Withdraw(e.orderId()));
        }
        if (payload instanceof BuildChanged e) {
            // colour and option packs need no other pack; only the market's sourcing rules matter
            return Optional.of(new DemandBatch.Remarket(e.orderId(), e.market()));
        }
        if (payload instanceof BuildCancelled e) {
            return Optional.of(new DemandBatch.Cancel(e.orderId(), e.cancelledAt()));
        }
        return Optional.empty();
    }
}
