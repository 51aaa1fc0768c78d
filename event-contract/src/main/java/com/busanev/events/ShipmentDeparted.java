package com.busanev.events;

import java.time.Instant;
import java.util.UUID;

public record ShipmentDeparted(UUID orderId, @Nullable UUID voyageId, Instant departedAt, Instant eta) implements DomainEvent {
    @Override
    public String subject() {
        return orderId.toString();
    }
}
