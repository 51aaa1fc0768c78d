package com.busanev.logistics.shipment;

import com.busanev.events.ShipmentDelayed;
import com.busanev.kit.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/** A car's ETA moved later (a late departure, arrival or delivery, a postponed sailing): ShipmentDelayed says so. */
@ApplicationScoped
public class Delays {
    private final Outbox outbox;
    private final Clock clock;

    Delays(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Call after setting the car's new ETA; an ETA that did not move later announces nothing. */
    public Uni<Void> announceIfLater(Shipment car, Instant previousEta, String reason) {
        if (!car.eta.isAfter(previousEta)) {
            return Uni.createFrom().voidItem();
        }
        return outbox.append(new ShipmentDelayed(car.orderId, car.voyageId, previousEta, car.eta, reason, clock.instant()))
                .replaceWithVoid();
    }
}
