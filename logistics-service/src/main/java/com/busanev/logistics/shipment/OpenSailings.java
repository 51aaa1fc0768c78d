package com.busanev.logistics.shipment;

import com.busanev.logistics.port.Ports;
import com.busanev.logistics.voyage.Voyage;
import com.busanev.logistics.voyage.VoyageStatus;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockModeType;
import java.time.Instant;
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
        return Voyage.<Voyage>find("status = ?1 and destinationPort in ?2 and cutOff >= ?3 and bookedCars < capacityCars "
                        + "order by departure, code", VoyageStatus.PLANNED, ports, earliest.get())
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .map(OpenSailings::new);
    }

    /** The first of them to one of the car's ports whose cut-off it makes and that still has room. */
    Optional<Voyage> firstFor(Shipment car) {
        Set<String> ports = Ports.destinationsFor(car.market);
        return voyages.stream().filter(voyage -> ports.contains(voyage.destinationPort) && voyage.canTake(car.readyAt))
                .findFirst();
    }
}
