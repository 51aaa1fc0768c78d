package com.busanev.events;

import java.time.Instant;
import java.util.UUID;

public record ShipmentDelayed(UUID orderId, @Nullable UUID voyageId, Instant previousEta, Instant eta, @Nullable String reason,
        Instant delayedAt) implements DomainEvent {
    @Override
    public String subject() {
        return orderId.toString();
    }
}
