package com.busanev.logistics.shipment;

import com.busanev.logistics.port.Ports;
import com.busanev.logistics.voyage.Voyage;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The planned voyages with room that a set of cars could take, loaded and locked once for them in the caller's
 * transaction, in departure order (the order the simulator locks voyages in, so the two never deadlock). Cars are
 * then put on them in memory one after the other: a batch of built cars costs one query, not one per car.
 */
final class OpenSailings {
    /** The ports as one array: Hibernate translates a query with an {@code in} list again at every call. */
    private static final String OPEN = """
            SELECT * FROM voyage WHERE status = 'PLANNED' AND destination_port = ANY(CAST(?1 AS text[])) AND cut_off >= ?2
              AND booked_cars < capacity_cars ORDER BY departure, code FOR NO KEY UPDATE""";

    private final List<Voyage> voyages;

    private OpenSailings(List<Voyage> voyages) {
        this.voyages = voyages;
    }

    /** Locks the voyages to the cars' ports that the earliest ready of them makes and that have room. */
    static Uni<OpenSailings> lockedFor(Collection<Shipment> cars) {
        Set<String> ports = cars.stream().flatMap(car -> Ports.destinationsFor(car.market).stream()).collect(Collectors.toSet());
        Optional<Instant> earliest = cars.stream().map(car -> car.readyAt).min(Comparator.naturalOrder());
        if (ports.isEmpty() || earliest.isEmpty()) {
            return Uni.createFrom().item(new OpenSailings(List.of()));
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(OPEN, Voyage.class)
                        .setParameter(1, ports.toArray(String[]::new))
                        .setParameter(2, earliest.get().atOffset(ZoneOffset.UTC)).getResultList())
                .map(OpenSailings::new);
    }

    /** The first of them to one of the car's ports whose cut-off it makes and that still has room. */
    Optional<Voyage> firstFor(Shipment car) {
        Set<String> ports = Ports.destinationsFor(car.market);
        return voyages.stream().filter(voyage -> ports.contains(voyage.destinationPort) && voyage.canTake(car.readyAt))
                .findFirst();
    }
}
