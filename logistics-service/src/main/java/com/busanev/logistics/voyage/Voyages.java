package com.busanev.logistics.voyage;

import com.busanev.events.SailingScheduled;
import com.busanev.events.TransportMode;
import com.busanev.kit.outbox.Outbox;
import com.busanev.kit.problem.ProblemException;
import com.busanev.kit.problem.Violation;
import com.busanev.logistics.port.Ports;
import com.busanev.logistics.shipment.ActualTime;
import com.busanev.logistics.shipment.Bookings;
import com.busanev.logistics.shipment.CarsAboard;
import com.busanev.logistics.shipment.Shipment;
import com.busanev.logistics.shipment.ShipmentStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Adding and changing sailings, and their departures and arrivals with what they mean for every car aboard. */
@ApplicationScoped
public class Voyages {
    private static final int DEFAULT_CUT_OFF_HOURS = 24;

    private final Bookings bookings;
    private final Outbox outbox;
    private final CarsAboard carsAboard;
    private final Clock clock;

    Voyages(Bookings bookings, Outbox outbox, CarsAboard carsAboard, Clock clock) {
        this.bookings = bookings;
        this.outbox = outbox;
        this.carsAboard = carsAboard;
        this.clock = clock;
    }

    /** Call inside a transaction; cars waiting for the port are booked on it at once. */
    public Uni<Voyage> add(VoyageRequest request) {
        validate(request);
        return Voyage.count("code", request.code()).chain(taken -> {
            if (taken > 0) {
                return Uni.createFrom().failure(ProblemException.conflict("A voyage " + request.code() + " exists already."));
            }
            Voyage voyage = new Voyage();
            voyage.id = UUID.randomUUID();
            voyage.code = request.code();
            voyage.vessel = request.vessel();
            voyage.mode = request.mode();
            voyage.destinationPort = request.destinationPort();
            voyage.transitDays = request.transitDays();
            voyage.cutOffHours = request.cutOffHours() == null ? DEFAULT_CUT_OFF_HOURS : request.cutOffHours();
            voyage.containers = request.mode() == TransportMode.CONTAINER ? request.containers() : null;
            voyage.capacityCars = request.mode() == TransportMode.CONTAINER
                    ? request.containers() * Voyage.CARS_PER_CONTAINER : request.capacityCars();
            voyage.status = VoyageStatus.PLANNED;
            voyage.schedule(request.departure());
            return voyage.persist().call(() -> announce(voyage)).call(() -> bookings.offerRoom(voyage)).replaceWith(voyage);
        });
    }

    /** The operator's report that the ship left; the voyage is loaded, and locked, by its id. */
    public Uni<Voyage> depart(UUID id, Instant at) {
        return locked(id).chain(voyage -> depart(voyage, at));
    }

    /**
     * The ship left: every car aboard departs; a late departure moves their ETAs and says so. Call with a voyage
     * loaded with a {@code PESSIMISTIC_WRITE} lock in the caller's transaction (the simulator's query of due
     * voyages): locking an entity the session holds already would be a second query.
     */
    public Uni<Voyage> depart(Voyage voyage, Instant at) {
        Instant departed = ActualTime.orNow(at, clock);
        if (voyage.status != VoyageStatus.PLANNED) {
            throw ProblemException.conflict("Voyage " + voyage.code + " is " + voyage.status + ".");
        }
        Instant previousEta = voyage.eta;
        voyage.status = VoyageStatus.DEPARTED;
        voyage.actualDeparture = departed;
        voyage.eta = voyage.plannedArrival(departed);
        return carsAboard.departed(voyage, previousEta).replaceWith(voyage);
    }

    /** The operator's report that the ship arrived; the voyage is loaded, and locked, by its id. */
    public Uni<Voyage> arrive(UUID id, Instant at) {
        return locked(id).chain(voyage -> arrive(voyage, at));
    }

    /**
     * The ship arrived: every car aboard arrives; a late arrival is announced as a delay first. Call with a
     * locked voyage, as for {@link #depart(Voyage, Instant)}.
     */
    public Uni<Voyage> arrive(Voyage voyage, Instant at) {
        Instant arrived = ActualTime.orNow(at, clock);
        if (voyage.status != VoyageStatus.DEPARTED) {
            throw ProblemException.conflict(
                    "Voyage " + voyage.code + " is " + voyage.status + ": only a departed voyage arrives.");
        }
        if (arrived.isBefore(voyage.actualDeparture)) {
            throw ProblemException.badRequest("at", "an arrival must not be before the departure (" + voyage.actualDeparture + ")");
        }
        Instant previousEta = voyage.eta;
        voyage.status = VoyageStatus.ARRIVED;
        voyage.actualArrival = arrived;
        voyage.eta = arrived;
        return carsAboard.arrived(voyage, previousEta).replaceWith(voyage);
    }

    /**
     * Call inside a transaction. Changes the capacity and/or postpones the departure of a planned voyage: a
     * capacity below the cars booked is overbooking (409); a later departure moves every booked car's ETA and
     * says so. Places the change opens (more room, a later cut-off) go to the waiting cars.
     */
    public Uni<Voyage> change(UUID id, VoyageChange change) {
        if (change == null || (change.capacityCars() == null && change.containers() == null && change.departure() == null)) {
            throw ProblemException.badRequest("(body)", "give capacityCars or containers, and/or departure");
        }
        if (change.departure() != null && change.departure().isBefore(clock.instant())) {
            throw ProblemException.badRequest("departure", "must be in the future");
        }
        return locked(id).chain(voyage -> {
            if (voyage.status != VoyageStatus.PLANNED) {
                return Uni.createFrom().failure(ProblemException.conflict(
                        "Voyage " + voyage.code + " is " + voyage.status + ": only a planned voyage changes."));
            }
            if (change.departure() != null && change.departure().isBefore(voyage.departure)) {
                return Uni.createFrom().failure(ProblemException.conflict("Voyage " + voyage.code + " departs "
                        + voyage.departure + ": a departure only moves later (its cars were promised the cut-off); "
                        + "add another voyage for an earlier sailing."));
            }
            return resize(voyage, change)
                    .chain(() -> change.departure() == null || change.departure().equals(voyage.departure)
                            ? Uni.createFrom().voidItem() : postpone(voyage, change.departure()))
                    .chain(() -> bookings.offerRoom(voyage))
                    .replaceWith(voyage);
        });
    }

    private Uni<Void> resize(Voyage voyage, VoyageChange change) {
        if (change.capacityCars() == null && change.containers() == null) {
            return Uni.createFrom().voidItem();
        }
        boolean container = voyage.mode == TransportMode.CONTAINER;
        if (container && (change.containers() == null || change.capacityCars() != null)) {
            throw ProblemException.badRequest("containers", "a container service changes its containers (3 cars each), not capacityCars");
        }
        if (!container && (change.capacityCars() == null || change.containers() != null)) {
            throw ProblemException.badRequest("capacityCars", "a Ro-Ro voyage changes its capacityCars, not containers");
        }
        int capacity = container ? change.containers() * Voyage.CARS_PER_CONTAINER : change.capacityCars();
        if (capacity < voyage.bookedCars) {
            throw ProblemException.conflict("Overbooking: " + voyage.bookedCars + " cars are booked on voyage "
                    + voyage.code + ", more than the " + capacity + " places asked for.");
        }
        voyage.capacityCars = capacity;
        if (!container) {
            return Uni.createFrom().voidItem();
        }
        // Containers fill in order, so the count above should cover it; never leave a car in a container that goes.
        Set<String> kept = IntStream.rangeClosed(1, change.containers()).mapToObj(voyage::containerId).collect(Collectors.toSet());
        return aboard(voyage, ShipmentStatus.BOOKED).invoke(cars -> cars.stream()
                .filter(car -> !kept.contains(car.containerId)).findFirst()
                .ifPresent(car -> {
                    throw ProblemException.conflict("Overbooking: container " + car.containerId + " of voyage "
                            + voyage.code + " holds car " + car.vin + ".");
                }))
                .invoke(() -> voyage.containers = change.containers())
                .replaceWithVoid();
    }

    /** The sailing as order-service promises deliveries from it (SailingScheduled). */
    private Uni<Void> announce(Voyage voyage) {
        return outbox.append(new SailingScheduled(voyage.id, voyage.destinationPort, voyage.mode, voyage.cutOff,
                voyage.departure, voyage.eta, voyage.capacityCars, clock.instant())).replaceWithVoid();
    }

    /** A later departure: a later cut-off and ETA, and a ShipmentDelayed for every car booked on it. */
    private Uni<Void> postpone(Voyage voyage, Instant departure) {
        Instant previousEta = voyage.eta;
        voyage.schedule(departure);
        return announce(voyage).chain(() -> carsAboard.postponed(voyage, previousEta));
    }

    private Uni<List<Shipment>> aboard(Voyage voyage, ShipmentStatus status) {
        return Shipment.<Shipment>find("voyageId = ?1 and status = ?2", voyage.id, status).list();
    }

    private Uni<Voyage> locked(UUID id) {
        return Voyage.<Voyage>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No voyage " + id + "."));
    }

    private void validate(VoyageRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("(body)", "a voyage is required");
        }
        List<Violation> violations = new ArrayList<>();
        if (request.destinationPort() != null && !Ports.isDestination(request.destinationPort())) {
            violations.add(new Violation("destinationPort", "is not a destination port (see GET /api/v1/ports)"));
        }
        if (request.departure() != null && request.departure().isBefore(clock.instant())) {
            violations.add(new Violation("departure", "must be in the future"));
        }
        if (request.mode() == TransportMode.TRUCK) {
            violations.add(new Violation("mode", "voyages are RO_RO or CONTAINER; trucks are booked by the service"));
        }
        if (request.mode() == TransportMode.RO_RO && (request.capacityCars() == null || request.containers() != null)) {
            violations.add(new Violation("capacityCars", "a Ro-Ro voyage needs capacityCars and no containers"));
        }
        if (request.mode() == TransportMode.CONTAINER && (request.containers() == null || request.capacityCars() != null)) {
            violations.add(new Violation("containers", "a container service needs containers (3 cars each) and no capacityCars"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("The voyage has " + violations.size() + " invalid value(s).", violations);
        }
    }
}
