package com.busanev.logistics.shipment;

import com.busanev.events.DomainEvent;
import com.busanev.events.ShipmentArrived;
import com.busanev.events.ShipmentDelayed;
import com.busanev.events.ShipmentDeparted;
import com.busanev.kit.outbox.Outbox;
import com.busanev.logistics.voyage.Voyage;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The cars aboard a voyage, moved together when it departs, arrives or is postponed: one statement updates them all
 * (status, time, the voyage's new ETA and, if that ETA is later than the one promised, the delay as {@link Delays}
 * keeps it), one more appends their events. Loaded as entities and flushed a row at a time, a voyage of a few
 * thousand cars held its lock for seconds while both booking channels waited for it (docs/benchmarks). Every method
 * needs the caller's transaction, which holds the voyage's lock and has set its new state.
 */
@ApplicationScoped
public class CarsAboard {
    private static final String MOVE = """
            UPDATE shipment SET status = ?3, eta = ?4,
                   departed_at = CASE WHEN ?3 = 'DEPARTED' THEN ?5 ELSE departed_at END,
                   arrived_at = CASE WHEN ?3 = 'ARRIVED' THEN ?5 ELSE arrived_at END,
                   first_eta = CASE WHEN ?6 THEN coalesce(first_eta, ?7) ELSE first_eta END,
                   delayed_at = CASE WHEN ?6 THEN ?8 ELSE delayed_at END,
                   delay_reason = CASE WHEN ?6 THEN ?9 ELSE delay_reason END,
                   version = version + 1
            WHERE voyage_id = ?1 AND status = ?2
            RETURNING order_id""";

    private final Outbox outbox;
    private final Clock clock;

    CarsAboard(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The voyage left (its actual departure and new ETA set): its booked cars depart. */
    public Uni<Void> departed(Voyage voyage, Instant previousEta) {
        return move(voyage, ShipmentStatus.BOOKED, ShipmentStatus.DEPARTED, voyage.actualDeparture, previousEta,
                "departed late from Busan New Port",
                car -> Stream.of(new ShipmentDeparted(car, voyage.id, voyage.actualDeparture, voyage.eta)));
    }

    /** The voyage arrived (its actual arrival set as its ETA): its departed cars arrive. */
    public Uni<Void> arrived(Voyage voyage, Instant previousEta) {
        return move(voyage, ShipmentStatus.DEPARTED, ShipmentStatus.ARRIVED, voyage.actualArrival, previousEta,
                "arrived late at " + voyage.destinationPort,
                car -> Stream.of(new ShipmentArrived(car, voyage.id, voyage.destinationPort, voyage.actualArrival)));
    }

    /** The voyage's departure moved later (its new ETA set): its booked cars stay booked, with the new ETA. */
    public Uni<Void> postponed(Voyage voyage, Instant previousEta) {
        return move(voyage, ShipmentStatus.BOOKED, ShipmentStatus.BOOKED, clock.instant(), previousEta,
                "departure from Busan New Port postponed to " + voyage.departure, car -> Stream.empty());
    }

    /** Moves the voyage's cars in {@code from}; a car's events are its delay, if any, then what {@code moved} says. */
    private Uni<Void> move(Voyage voyage, ShipmentStatus from, ShipmentStatus to, Instant at, Instant previousEta,
            String delayReason, Function<UUID, Stream<DomainEvent>> moved) {
        Instant now = clock.instant();
        boolean later = voyage.eta.isAfter(previousEta);
        return Panache.getSession().chain(session -> session.createNativeQuery(MOVE, UUID.class)
                        .setParameter(1, voyage.id)
                        .setParameter(2, from.name())
                        .setParameter(3, to.name())
                        .setParameter(4, voyage.eta.atOffset(ZoneOffset.UTC))
                        .setParameter(5, at.atOffset(ZoneOffset.UTC))
                        .setParameter(6, later)
                        .setParameter(7, previousEta.atOffset(ZoneOffset.UTC))
                        .setParameter(8, now.atOffset(ZoneOffset.UTC))
                        .setParameter(9, delayReason)
                        .getResultList())
                .map(cars -> cars.stream().flatMap(car -> Stream.concat(later
                                ? Stream.<DomainEvent>of(new ShipmentDelayed(car, voyage.id, previousEta, voyage.eta, delayReason, now))
                                : Stream.empty(), moved.apply(car))).toList())
                .chain(outbox::appendAll);
    }
}
