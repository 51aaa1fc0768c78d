package com.busanev.logistics.simulator;

import com.busanev.events.TransportMode;
import com.busanev.logistics.shipment.Shipment;
import com.busanev.logistics.shipment.ShipmentStatus;
import com.busanev.logistics.shipment.Trucks;
import com.busanev.logistics.voyage.Voyage;
import com.busanev.logistics.voyage.VoyageStatus;
import com.busanev.logistics.voyage.Voyages;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Plays ships and trucks for the local run: on the (accelerated) plant clock, voyages depart on schedule and
 * arrive after their transit time, and Korean trucks leave when the car is ready and deliver on their ETA.
 * Off by default.
 */
@ApplicationScoped
public class VoyageSimulator {
    private static final int TRUCKS_PER_TICK = 500;

    private final Voyages voyages;
    private final Trucks trucks;
    private final Clock clock;
    private final boolean enabled;

    VoyageSimulator(Voyages voyages, Trucks trucks, Clock clock,
            @ConfigProperty(name = "logistics.simulator.enabled", defaultValue = "false") boolean enabled) {
        this.voyages = voyages;
        this.trucks = trucks;
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

    /** Trucks due to leave or deliver, those due first first; a busy tick leaves the rest to the next one. */
    private Uni<Void> moveTrucks() {
        Instant now = clock.instant();
        return Shipment.<Shipment>find("mode = ?1 and status = ?2 and readyAt <= ?3 order by readyAt, orderId",
                        TransportMode.TRUCK, ShipmentStatus.BOOKED, now).page(0, TRUCKS_PER_TICK).list()
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(car -> trucks.depart(car.orderId, car.readyAt)).collect().last())
                .chain(() -> Shipment.<Shipment>find("mode = ?1 and status = ?2 and eta <= ?3 order by eta, orderId",
                        TransportMode.TRUCK, ShipmentStatus.DEPARTED, now).page(0, TRUCKS_PER_TICK).list())
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(car -> trucks.deliver(car.orderId, car.eta)).collect().last())
                .replaceWithVoid();
    }
}
