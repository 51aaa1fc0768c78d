package com.busanev.logistics.shipment;

import com.busanev.events.Region;
import com.busanev.events.ShipmentBooked;
import com.busanev.events.TransportMode;
import com.busanev.events.VehicleBuilt;
import com.busanev.kit.outbox.Outbox;
import com.busanev.logistics.port.Ports;
import com.busanev.logistics.voyage.Voyage;
import com.busanev.logistics.voyage.VoyageStatus;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Books built cars: on the first voyage to one of the market's ports whose cut-off the car can make and that
 * has room, Korean cars on a truck. A car no voyage can take waits (UNBOOKED) until a voyage is added. All
 * methods run in the caller's transaction; the voyage row is locked while a car is put on it.
 */
@ApplicationScoped
public class Bookings {
    private final Outbox outbox;
    private final Clock clock;
    private final Duration plantToPort;
    private final Duration truckDelivery;
    private final int waitingBatch;

    Bookings(Outbox outbox, Clock clock,
            @ConfigProperty(name = "logistics.plant-to-port-lead-time", defaultValue = "PT6H") Duration plantToPort,
            @ConfigProperty(name = "logistics.truck-delivery-time", defaultValue = "PT24H") Duration truckDelivery,
            @ConfigProperty(name = "logistics.waiting-batch", defaultValue = "1000") int waitingBatch) {
        this.outbox = outbox;
        this.clock = clock;
        this.plantToPort = plantToPort;
        this.truckDelivery = truckDelivery;
        this.waitingBatch = waitingBatch;
    }

    public Uni<Void> vehicleBuilt(VehicleBuilt built) {
        return Shipment.<Shipment>findById(built.orderId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            Shipment shipment = new Shipment();
            shipment.orderId = built.orderId();
            shipment.vin = built.vin();
            shipment.brand = built.brand();
            shipment.market = built.market();
            shipment.region = built.region();
            shipment.status = ShipmentStatus.UNBOOKED;
            shipment.readyAt = built.builtAt().plus(plantToPort);
            return shipment.persist().chain(() -> book(shipment));
        });
    }

    /** Books a waiting car if any voyage can take it; leaves it waiting otherwise. */
    public Uni<Void> book(Shipment shipment) {
        Set<String> ports = Ports.destinationsFor(shipment.market);
        if (ports.isEmpty()) {
            return byTruck(shipment);
        }
        return Voyage.<Voyage>find("status = ?1 and destinationPort in ?2 and departure >= ?3 and bookedCars < capacityCars "
                                + "order by departure, code", VoyageStatus.PLANNED, ports, shipment.readyAt)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .map(voyages -> voyages.stream().filter(v -> !v.cutOff().isBefore(shipment.readyAt)).findFirst().orElse(null))
                .chain(voyage -> voyage == null ? Uni.createFrom().voidItem() : board(shipment, voyage));
    }

    /**
     * Cars waiting for the new voyage's port are booked, those ready first first. The region narrows the waiting
     * cars in the query (so cars for other regions never crowd out this port's within a batch); the market then
     * decides the port (a Canadian car never lands in Long Beach).
     */
    public Uni<Void> voyageAdded(Voyage voyage) {
        Region region = Ports.find(voyage.destinationPort).orElseThrow().region();
        return Shipment.<Shipment>find("status = ?1 and region = ?2 order by readyAt", ShipmentStatus.UNBOOKED, region)
                .page(0, waitingBatch).list()
                .chain(waiting -> Multi.createFrom().iterable(waiting)
                        .select().where(s -> Ports.destinationsFor(s.market).contains(voyage.destinationPort))
                        .onItem().transformToUniAndConcatenate(this::book)
                        .collect().last().replaceWithVoid());
    }

    /** A cancelled order's car gives back its place if it has not left yet. */
    public Uni<Void> cancel(UUID orderId) {
        return Shipment.<Shipment>findById(orderId).chain(shipment -> {
            if (shipment == null || !shipment.status.releasable()) {
                return Uni.createFrom().voidItem();
            }
            UUID voyageId = shipment.voyageId;
            shipment.status = ShipmentStatus.CANCELLED;
            shipment.voyageId = null;
            shipment.containerId = null;
            if (voyageId == null) {
                return Uni.createFrom().voidItem();
            }
            return Voyage.<Voyage>findById(voyageId, LockModeType.PESSIMISTIC_WRITE)
                    .invoke(voyage -> voyage.bookedCars--).replaceWithVoid();
        });
    }

    private Uni<Void> board(Shipment shipment, Voyage voyage) {
        Uni<String> container = voyage.mode == TransportMode.CONTAINER ? openContainer(voyage) : Uni.createFrom().nullItem();
        return container.chain(containerId -> {
            voyage.bookedCars++;
            shipment.status = ShipmentStatus.BOOKED;
            shipment.mode = voyage.mode;
            shipment.voyageId = voyage.id;
            shipment.containerId = containerId;
            shipment.destinationPort = voyage.destinationPort;
            shipment.eta = voyage.eta;
            shipment.bookedAt = clock.instant();
            return announce(shipment, voyage.vessel, voyage.departure);
        });
    }

    /** The first container of the voyage with a free rack: containers fill three cars at a time. */
    private Uni<String> openContainer(Voyage voyage) {
        return Shipment.<Shipment>find("voyageId = ?1 and status in ?2", voyage.id,
                        List.of(ShipmentStatus.BOOKED, ShipmentStatus.DEPARTED, ShipmentStatus.ARRIVED)).list()
                .map(aboard -> {
                    Map<String, Integer> filled = new HashMap<>();
                    aboard.forEach(s -> filled.merge(s.containerId, 1, Integer::sum));
                    for (int number = 1; number <= voyage.containers; number++) {
                        String id = voyage.containerId(number);
                        if (filled.getOrDefault(id, 0) < Voyage.CARS_PER_CONTAINER) {
                            return id;
                        }
                    }
                    throw new IllegalStateException("voyage " + voyage.code + " has room but no free container");
                });
    }

    private Uni<Void> byTruck(Shipment shipment) {
        shipment.status = ShipmentStatus.BOOKED;
        shipment.mode = TransportMode.TRUCK;
        shipment.destinationPort = null;
        shipment.eta = shipment.readyAt.plus(truckDelivery);
        shipment.bookedAt = clock.instant();
        return announce(shipment, null, shipment.readyAt);
    }

    private Uni<Void> announce(Shipment shipment, String vessel, Instant departure) {
        return outbox.append(new ShipmentBooked(shipment.orderId, shipment.vin, shipment.voyageId, vessel,
                shipment.mode, shipment.containerId, Ports.BUSAN_NEW_PORT.locode(),
                shipment.destinationPort == null ? "KR" : shipment.destinationPort, departure, shipment.eta,
                shipment.bookedAt)).replaceWithVoid();
    }
}
