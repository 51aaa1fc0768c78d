package com.busanev.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The outcome of a cancel request: the plant refused it because the build had started; the order goes on. Written
 * by order-service for partners once it has read {@link CancelRefused}.
 */
public record OrderCancelRefused(UUID orderId, String brand, String reason, Instant refusedAt) implements DomainEvent {
    @Override
    public String subject() {
        return orderId.toString();
    }
}
