package com.busanev.events;

import java.time.Instant;
import java.util.UUID;

public record ShipmentArrived(UUID orderId, @Nullable UUID voyageId, String port, Instant arrivedAt) implements DomainEvent {
    @Override
    public String subject() {
        return orderId.toString();
    }
}
