package com.busanev.events;

import java.time.Instant;
import java.util.UUID;

/** The car has a place on a voyage (and a container, for container services). */
public record ShipmentBooked(UUID orderId, String vin, @Nullable UUID voyageId, @Nullable String vessel, TransportMode mode,
        @Nullable String containerId, String originPort, String destinationPort, @Nullable Instant departure, Instant eta,
        Instant bookedAt) implements DomainEvent {
    @Override
    public String subject() {
        return orderId.toString();
    }
}
