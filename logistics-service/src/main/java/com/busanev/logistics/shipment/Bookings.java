package com.busanev.logistics.shipment;

import com.busanev.events.DomainEvent;
import com.busanev.events.Region;
import com.busanev.events.ShipmentBooked;
import com.busanev.events.ShipmentHeld;
import com.busanev.events.TransportMode;
import com.busanev.events.VehicleBuilt;
import com.busanev.kit.outbox.Outbox;
import com.busanev.logistics.passport.BatteryPassport;
import com.busanev.logistics.passport.PassportDuty;
import com.busanev.logistics.passport.Passports;
import com.busanev.logistics.port.Ports;
import com.busanev.logistics.voyage.Voyage;
import com.busanev.logistics.voyage.VoyageStatus;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Books built cars: on the first voyage to one of the market's ports whose cut-off the car can make and that
 * has room, Korean cars on a truck. A car no voyage can take waits (UNBOOKED) until a voyage offers it a place
 * (added, or changed). A car that needs a complete battery passport without one ({@link PassportDuty}) is HELD
 * instead, and booked as soon as its passport is complete. All methods run in the caller's transaction; the voyage
 * row is locked while a car is put on it.
 */
@ApplicationScoped
public class Bookings {
    /** The reason announced for a car released from a passport hold that no voyage can take yet. */
    public static final String WAITING_FOR_SAILING = "battery passport complete; waiting for a sailing with room";
    private static final Logger LOG = Logger.getLogger(Bookings.class);

    private final Outbox outbox;
    private final Passports passports;
    private final PassportDuty passportDuty;
    private final Clock clock;
    private final Duration plantToPort;
    private final Duration truckDelivery;
    private final int waitingBatch;

    Bookings(Outbox outbox, Passports passports, PassportDuty passportDuty, Clock clock,
            @ConfigProperty(name = "logistics.plant-to-port-lead-time", defaultValue = "PT6H") Duration plantToPort,
            @ConfigProperty(name = "logistics.truck-delivery-time", defaultValue = "PT24H") Duration truckDelivery,
            @ConfigProperty(name = "logistics.waiting-batch", defaultValue = "1000") int waitingBatch) {
        this.outbox = outbox;
        this.passports = passports;
        this.passportDuty = passportDuty;
        this.clock = clock;
        this.plantToPort = plantToPort;
        this.truckDelivery = truckDelivery;
        this.waitingBatch = waitingBatch;
    }

    /**
     * Takes a batch of built cars: one query finds those already known (a replay), the new ones are booked (or held)
     * one after another in the order they were built, on the open sailings locked once for the batch (each takes the
     * first voyage with room left by those before it), and inserted with one statement, their events with another.
     * The passports of the cars that need one are read under the orders' locks (see {@link Passports}).
     */
    public Uni<Void> vehicleBuilt(List<VehicleBuilt> built) {
        if (built.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Shipment.known(built.stream().map(VehicleBuilt::orderId).toList()).chain(known -> {
            Set<UUID> seen = new HashSet<>(known);
            List<Shipment> fresh = built.stream().filter(car -> seen.add(car.orderId())).map(this::shipmentOf).toList();
            // booked or held first, then stored: one insert per car, not an insert and then an update
            return passports.lockedLatest(needingPassport(fresh)).chain(latest -> OpenSailings.lockedFor(fresh)
                    .map(sailings -> fresh.stream()
                            .flatMap(car -> bookOrHold(car, latest.get(car.orderId), sailings).stream()).toList())
                    .call(() -> Shipment.insertAll(fresh))
                    .chain(outbox::appendAll));
        });
    }

    /**
     * Judges again the cars not booked yet whose passport changed: held with the new reason (announced only if it
     * differs), or, a held car whose passport is now complete, booked the normal way. A booked car stays booked.
     * The caller took the orders' locks ({@link Passports#record}); the cars' rows are locked here, so an offer of a
     * voyage's room that judged a car by its older passport has committed before the car is judged again. The open
     * sailings are locked once for the cars the new passports release.
     */
    public Uni<Void> passportsChanged(Collection<BatteryPassport> changed) {
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<UUID, BatteryPassport> byOrder = changed.stream().collect(Collectors.toMap(passport -> passport.orderId, p -> p));
        return Shipment.lockedNotBooked(byOrder.keySet())
                .chain(cars -> OpenSailings.lockedFor(cars.stream().filter(car -> car.status == ShipmentStatus.HELD
                                && passportDuty.holdReason(car.region, byOrder.get(car.orderId)).isEmpty()).toList())
                        .map(sailings -> cars.stream()
                                .flatMap(car -> judgeAgain(car, byOrder.get(car.orderId), sailings).stream()).toList()))
                .chain(outbox::appendAll);
    }

    private Optional<DomainEvent> judgeAgain(Shipment car, BatteryPassport passport, OpenSailings sailings) {
        Optional<String> reason = passportDuty.holdReason(car.region, passport);
        if (reason.isPresent()) {
            return hold(car, reason.get());
        }
        if (car.status != ShipmentStatus.HELD) {
            return Optional.empty();
        }
        car.status = ShipmentStatus.UNBOOKED;
        car.holdReason = null;
        car.heldAt = null;
        // released but no voyage has room yet: say so, or the order would still show the passport as the reason
        return book(car, sailings).or(() -> Optional.of(
                new ShipmentHeld(car.orderId, car.vin, WAITING_FOR_SAILING, clock.instant())));
    }

    private List<UUID> needingPassport(List<Shipment> cars) {
        return cars.stream().filter(car -> passportDuty.applies(car.region)).map(car -> car.orderId).toList();
    }

    /** Books or holds the car; returns what to announce (nothing for a car that waits for a sailing). */
    private Optional<DomainEvent> bookOrHold(Shipment car, BatteryPassport passport, OpenSailings sailings) {
        return passportDuty.holdReason(car.region, passport).map(reason -> hold(car, reason))
                .orElseGet(() -> book(car, sailings));
    }

    /** Holds a car that may not be booked yet; a car held again for the same reason is not announced again. */
    private Optional<DomainEvent> hold(Shipment car, String reason) {
        if (car.status == ShipmentStatus.HELD && reason.equals(car.holdReason)) {
            return Optional.empty();
        }
        car.status = ShipmentStatus.HELD;
        car.holdReason = reason;
        car.heldAt = clock.instant();
        return Optional.of(new ShipmentHeld(car.orderId, car.vin, reason, car.heldAt));
    }

    private Shipment shipmentOf(VehicleBuilt built) {
        Shipment shipment = new Shipment();
        shipment.orderId = built.orderId();
        shipment.vin = built.vin();
        shipment.brand = built.brand();
        shipment.market = built.market();
        shipment.region = built.region();
        shipment.readyAt = built.builtAt().plus(plantToPort);
        shipment.status = ShipmentStatus.UNBOOKED;
        return shipment;
    }

    /**
     * Books a car if one of the open sailings can take it (Korean cars go by truck), returning its ShipmentBooked;
     * leaves it waiting otherwise.
     */
    private Optional<DomainEvent> book(Shipment shipment, OpenSailings sailings) {
        if (shipment.region == Region.KR) {
            return Optional.of(byTruck(shipment));
        }
        if (Ports.destinationsFor(shipment.market).isEmpty()) {
            LOG.warnf("car %s (order %s) waits: no destination port serves market %s", shipment.vin,
                    shipment.orderId, shipment.market);
            return Optional.empty();
        }
        return sailings.firstFor(shipment).map(voyage -> board(shipment, voyage));
    }

    /**
     * Offers the free places of a voyage (just added, or after a change) to the cars waiting
     * for its region that make its cut-off, those ready first first, batch after batch of
     * {@code logistics.waiting-batch} until the voyage is full or no waiting car is left. The market decides
     * whether the port suits a car (a Canadian car never lands in Long Beach), and the passport duty whether it may be
     * booked today (a car that waited since before the duty applied is held now). The caller holds the voyage's
     * lock; the waiting cars of a batch are locked too, so two offers never book the same car.
     */
    public Uni<Void> offerRoom(Voyage voyage) {
        return offerRoom(voyage, Ports.find(voyage.destinationPort).orElseThrow().region(), null);
    }

    private Uni<Void> offerRoom(Voyage voyage, Region region, Shipment after) {
        if (voyage.status != VoyageStatus.PLANNED || !voyage.hasRoom()) {
            return Uni.createFrom().voidItem();
        }
        Parameters parameters = Parameters.with("unbooked", ShipmentStatus.UNBOOKED).and("region", region)
                .and("cutOff", voyage.cutOff);
        String query = "status = :unbooked and region = :region and readyAt <= :cutOff";
        if (after != null) {
            // Keyset paging: the cars this offer passed over stay UNBOOKED, so an offset would skip others.
            query += " and (readyAt > :readyAt or (readyAt = :readyAt and orderId > :orderId))";
            parameters.and("readyAt", after.readyAt).and("orderId", after.orderId);
        }
        return Shipment.<Shipment>find(query + " order by readyAt, orderId", parameters)
                .page(0, waitingBatch).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(waiting -> passports.latest(needingPassport(waiting))
                        .map(latest -> waiting.stream()
                                .filter(car -> Ports.destinationsFor(car.market).contains(voyage.destinationPort))
                                .flatMap(car -> !voyage.hasRoom() ? Stream.<DomainEvent>empty()
                                        : passportDuty.holdReason(car.region, latest.get(car.orderId))
                                                .map(reason -> hold(car, reason))
                                                .orElseGet(() -> Optional.of(board(car, voyage))).stream())
                                .toList())
                        .chain(outbox::appendAll)
                        .chain(() -> waiting.size() < waitingBatch ? Uni.createFrom().voidItem()
                                : offerRoom(voyage, region, waiting.get(waiting.size() - 1))));
    }

    /**
     * Containers fill three cars at a time, in order: a booked car never leaves its voyage ({@code bookedCars} only
     * grows), so the next car goes into the container its count reaches, with no look at the cars aboard.
     */
    private ShipmentBooked board(Shipment shipment, Voyage voyage) {
        shipment.containerId = voyage.mode == TransportMode.CONTAINER
                ? voyage.containerId(voyage.bookedCars / Voyage.CARS_PER_CONTAINER + 1) : null;
        voyage.bookedCars++;
        shipment.status = ShipmentStatus.BOOKED;
        shipment.mode = voyage.mode;
        shipment.voyageId = voyage.id;
        shipment.destinationPort = voyage.destinationPort;
        shipment.eta = voyage.eta;
        shipment.bookedAt = clock.instant();
        return shipmentBooked(shipment, voyage.vessel, voyage.departure);
    }

    private ShipmentBooked byTruck(Shipment shipment) {
        shipment.status = ShipmentStatus.BOOKED;
        shipment.mode = TransportMode.TRUCK;
        shipment.destinationPort = null;
        shipment.eta = shipment.readyAt.plus(truckDelivery);
        shipment.bookedAt = clock.instant();
        return shipmentBooked(shipment, null, shipment.readyAt);
    }

    private static ShipmentBooked shipmentBooked(Shipment shipment, String vessel, Instant departure) {
        return new ShipmentBooked(shipment.orderId, shipment.vin, shipment.voyageId, vessel, shipment.mode,
                shipment.containerId, Ports.BUSAN_NEW_PORT.locode(),
                shipment.destinationPort == null ? Ports.DOMESTIC : shipment.destinationPort, departure, shipment.eta,
                shipment.bookedAt);
    }
}
