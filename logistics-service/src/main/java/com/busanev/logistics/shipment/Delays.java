package com.busanev.logistics.shipment;

import com.busanev.events.ShipmentDelayed;
import com.busanev.kit.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A car's ETA moved later (a late departure, arrival or delivery, a postponed sailing): ShipmentDelayed says so, and
 * the car keeps its latest delay (when, why, the ETA first promised) for the list of delayed cars. The cars of a
 * voyage are delayed together, with one statement ({@link CarsAboard}); this is a single car's (a truck's).
 */
@ApplicationScoped
public class Delays {
    private final Outbox outbox;
    private final Clock clock;

    Delays(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Call after setting the car's new ETA, in the transaction that saves the car (its delay is set here); an ETA that
     * did not move later announces nothing.
     */
    public Uni<Void> announceIfLater(Shipment car, Instant previousEta, String reason) {
        return ifLater(car, previousEta, reason).map(delay -> outbox.append(delay).replaceWithVoid())
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    /** Sets the car's delay and returns its ShipmentDelayed if the ETA moved later. */
    private Optional<ShipmentDelayed> ifLater(Shipment car, Instant previousEta, String reason) {
        if (!car.eta.isAfter(previousEta)) {
            return Optional.empty();
        }
        if (car.firstEta == null) {
            car.firstEta = previousEta;
        }
        car.delayedAt = clock.instant();
        car.delayReason = reason;
        return Optional.of(new ShipmentDelayed(car.orderId, car.voyageId, previousEta, car.eta, reason, clock.instant()));
    }
}
