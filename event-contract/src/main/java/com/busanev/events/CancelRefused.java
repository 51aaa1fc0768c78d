package com.busanev.events;

import java.time.Instant;
import java.util.UUID;

/** The plant refused the order's cancel request: its build had started (the reason says when); the car is built. */
public record CancelRefused(UUID orderId, String reason, Instant refusedAt) implements DomainEvent {
    @Override
    public String subject() {
        return orderId.toString();
    }
}
