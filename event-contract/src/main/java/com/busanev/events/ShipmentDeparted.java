package com.busanev.events;

import java.time.Instant;
import java.util.UUID;

public record ShipmentDeparted(UUID orderId, UUID voyageId, Instant departedAt, Instant eta) implements DomainEvent {
    @Override
    public String subject() {
        return orderId.toString();
    }
}
