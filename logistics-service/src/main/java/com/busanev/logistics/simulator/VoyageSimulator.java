package com.busanev.logistics.simulator;

import com.busanev.events.ShipmentArrived;
import com.busanev.events.ShipmentDeparted;
import com.busanev.events.TransportMode;
import com.busanev.kit.outbox.Outbox;
import com.busanev.logistics.shipment.Shipment;
import com.busanev.logistics.shipment.ShipmentStatus;
import com.busanev.logistics.voyage.Voyage;
import com.busanev.logistics.voyage.VoyageStatus;
import com.busanev.logistics.voyage.Voyages;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Plays ships and trucks for the local run: on the (accelerated) plant clock, voyages depart on schedule and
 * arrive after their transit time, and Korean trucks leave when the car is ready and deliver on their ETA.
 * Off by default.
 */
@ApplicationScoped
public class VoyageSimulator {
    private final Voyages voyages;
    private final Outbox outbox;
    private final Clock clock;
    private final boolean enabled;

    VoyageSimulator(Voyages voyages, Outbox outbox, Clock clock,
            @ConfigProperty(name = "logistics.simulator.enabled", defaultValue = "false") boolean enabled) {
        this.voyages = voyages;
        this.outbox = outbox;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(every = "${logistics.simulator.tick:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        if (!enabled) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> Voyage.<Voyage>find("status = ?1 and departure <= ?2",
                        VoyageStatus.PLANNED, clock.instant()).list()
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(v -> voyages.depart(v.id, v.departure)).collect().last()))
                .chain(() -> Panache.withTransaction(() -> Voyage.<Voyage>find("status = ?1 and eta <= ?2",
                                VoyageStatus.DEPARTED, clock.instant()).list()
                        .chain(due -> Multi.createFrom().iterable(due)
                                .onItem().transformToUniAndConcatenate(v -> voyages.arrive(v.id, v.eta)).collect().last())))
                .chain(() -> Panache.withTransaction(this::moveTrucks))
                .replaceWithVoid();
    }

    private Uni<Void> moveTrucks() {
        return Shipment.<Shipment>find("mode = ?1 and status in ?2", TransportMode.TRUCK,
                        java.util.List.of(ShipmentStatus.BOOKED, ShipmentStatus.DEPARTED)).page(0, 500).list()
                .chain(trucks -> Multi.createFrom().iterable(trucks).onItem().transformToUniAndConcatenate(car -> {
                    if (car.status == ShipmentStatus.BOOKED && !car.readyAt.isAfter(clock.instant())) {
                        car.status = ShipmentStatus.DEPARTED;
                        car.departedAt = car.readyAt;
                        return outbox.append(new ShipmentDeparted(car.orderId, null, car.readyAt, car.eta)).replaceWithVoid();
                    }
                    if (car.status == ShipmentStatus.DEPARTED && !car.eta.isAfter(clock.instant())) {
                        car.status = ShipmentStatus.ARRIVED;
                        car.arrivedAt = car.eta;
                        return outbox.append(new ShipmentArrived(car.orderId, null, "KR", car.eta)).replaceWithVoid();
                    }
                    return Uni.createFrom().voidItem();
                }).collect().last().replaceWithVoid());
    }
}
