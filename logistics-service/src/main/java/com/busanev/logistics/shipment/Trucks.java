package com.busanev.logistics.shipment;

import com.busanev.events.ShipmentArrived;
import com.busanev.events.ShipmentDeparted;
import com.busanev.events.TransportMode;
import com.busanev.kit.outbox.Outbox;
import com.busanev.kit.problem.ProblemException;
import com.busanev.logistics.port.Ports;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Korean cars on their truck to the dealer: it leaves (planned when the car is ready) and delivers (planned at
 * the ETA). Reported by the operator, or played by the simulator in the local run. A truck that leaves late
 * moves the ETA, and a late delivery is announced as a delay first, as for voyages. Call inside a transaction.
 */
@ApplicationScoped
public class Trucks {
    private final Outbox outbox;
    private final Delays delays;
    private final Clock clock;
    private final Duration truckDelivery;

    Trucks(Outbox outbox, Delays delays, Clock clock,
            @ConfigProperty(name = "logistics.truck-delivery-time", defaultValue = "PT24H") Duration truckDelivery) {
        this.outbox = outbox;
        this.delays = delays;
        this.clock = clock;
        this.truckDelivery = truckDelivery;
    }

    /** The operator's report: the car is loaded, and locked, by its order id. */
    public Uni<Shipment> depart(UUID orderId, Instant at) {
        return locked(orderId).chain(car -> depart(car, at));
    }

    /**
     * The truck of a car the caller loaded with a {@code PESSIMISTIC_WRITE} lock in this transaction (the
     * simulator's query of due trucks): locking an entity the session holds already would be a second query.
     */
    public Uni<Shipment> depart(Shipment car, Instant at) {
        Instant departed = ActualTime.orNow(at, clock);
        requireTruck(car, ShipmentStatus.BOOKED, "leave");
        Instant previousEta = car.eta;
        car.status = ShipmentStatus.DEPARTED;
        car.departedAt = departed;
        car.eta = departed.plus(truckDelivery);
        return delays.announceIfLater(car, previousEta, "left the plant late by truck")
                .chain(() -> outbox.append(new ShipmentDeparted(car.orderId, null, departed, car.eta)))
                .replaceWith(car);
    }

    /** The operator's report: the car is loaded, and locked, by its order id. */
    public Uni<Shipment> deliver(UUID orderId, Instant at) {
        return locked(orderId).chain(car -> deliver(car, at));
    }

    /** The delivery of a car the caller loaded with a {@code PESSIMISTIC_WRITE} lock, as for {@link #depart(Shipment, Instant)}. */
    public Uni<Shipment> deliver(Shipment car, Instant at) {
        Instant delivered = ActualTime.orNow(at, clock);
        requireTruck(car, ShipmentStatus.DEPARTED, "deliver");
        if (delivered.isBefore(car.departedAt)) {
            throw ProblemException.badRequest("at", "must not be before the departure (" + car.departedAt + ")");
        }
        Instant previousEta = car.eta;
        car.status = ShipmentStatus.ARRIVED;
        car.arrivedAt = delivered;
        car.eta = delivered;
        return delays.announceIfLater(car, previousEta, "delivered late")
                .chain(() -> outbox.append(new ShipmentArrived(car.orderId, null, Ports.DOMESTIC, delivered)))
                .replaceWith(car);
    }

    private Uni<Shipment> locked(UUID orderId) {
        return Shipment.<Shipment>findById(orderId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No shipment for order " + orderId + "."));
    }

    private static void requireTruck(Shipment car, ShipmentStatus expected, String action) {
        if (car.mode != TransportMode.TRUCK) {
            throw ProblemException.conflict("Order " + car.orderId + " is not on a truck ("
                    + (car.mode == null ? car.status : car.mode) + "): its voyage departs and arrives.");
        }
        if (car.status != expected) {
            throw ProblemException.conflict("The truck of order " + car.orderId + " is " + car.status
                    + ": only a " + expected + " truck can " + action + ".");
        }
    }
}
