package com.busanev.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The outcome of a cancel request: the plant cancelled the build (slot and pack released, the car will never be
 * built), so the order is cancelled. Written by order-service for partners once it has read {@link BuildCancelled}.
 */
public record OrderCancelled(UUID orderId, String brand, @Nullable String reason, Instant cancelledAt) implements DomainEvent {
    @Override
    public String subject() {
        return orderId.toString();
    }
}
