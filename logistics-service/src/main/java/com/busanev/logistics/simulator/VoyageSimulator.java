package com.busanev.logistics.simulator;

import com.busanev.events.TransportMode;
import com.busanev.kit.lifecycle.Stopping;
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
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
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
    private final Stopping stopping;

    VoyageSimulator(Voyages voyages, Trucks trucks, Clock clock, Stopping stopping,
            @ConfigProperty(name = "logistics.simulator.enabled", defaultValue = "false") boolean enabled) {
        this.stopping = stopping;
        this.voyages = voyages;
        this.trucks = trucks;
        this.clock = clock;
        this.enabled = enabled;
    }

    /**
     * One step of the plant clock: the voyages and trucks due by now move. The scheduler calls it every
     * {@code logistics.simulator.tick}; the tests, which switch the schedule off, call it themselves.
     */
    @Scheduled(every = "${logistics.simulator.tick:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> tick() {
        if (!enabled) {
            return Uni.createFrom().voidItem();
        }
        return stopping.quietly(Panache.withTransaction(this::departVoyages)
                .chain(() -> Panache.withTransaction(this::arriveVoyages))
                .chain(() -> Panache.withTransaction(this::moveTrucks)));
    }

    // Each step loads what is due with the lock Voyages and Trucks need, and hands them the loaded entities.
    private Uni<Void> departVoyages() {
        return Voyage.<Voyage>find("status = ?1 and departure <= ?2 order by departure, code",
                        VoyageStatus.PLANNED, clock.instant()).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(due -> each(due, voyage -> voyages.depart(voyage, voyage.departure)));
    }

    private Uni<Void> arriveVoyages() {
        return Voyage.<Voyage>find("status = ?1 and eta <= ?2 order by eta, code",
                        VoyageStatus.DEPARTED, clock.instant()).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(due -> each(due, voyage -> voyages.arrive(voyage, voyage.eta)));
    }

    /** Trucks due to leave or deliver, those due first first; a busy tick leaves the rest to the next one. */
    private Uni<Void> moveTrucks() {
        Instant now = clock.instant();
        return Shipment.<Shipment>find("mode = ?1 and status = ?2 and readyAt <= ?3 order by readyAt, orderId",
                        TransportMode.TRUCK, ShipmentStatus.BOOKED, now)
                .page(0, TRUCKS_PER_TICK).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(due -> each(due, car -> trucks.depart(car, car.readyAt)))
                .chain(() -> Shipment.<Shipment>find("mode = ?1 and status = ?2 and eta <= ?3 order by eta, orderId",
                                TransportMode.TRUCK, ShipmentStatus.DEPARTED, now)
                        .page(0, TRUCKS_PER_TICK).withLock(LockModeType.PESSIMISTIC_WRITE).list())
                .chain(due -> each(due, car -> trucks.deliver(car, car.eta)));
    }

    /** One after the other: a session runs one operation at a time. */
    private static <T> Uni<Void> each(List<T> due, Function<T, Uni<?>> move) {
        return Multi.createFrom().iterable(due).onItem().transformToUniAndConcatenate(move).collect().last().replaceWithVoid();
    }
}
