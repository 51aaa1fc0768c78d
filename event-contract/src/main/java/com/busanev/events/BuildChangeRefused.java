package com.busanev.events;

import java.time.Instant;
import java.util.UUID;

/** The plant refused an order change: the build is past the freeze point (the reason says why); the build stays as it was. */
public record BuildChangeRefused(UUID orderId, UUID changeId, String reason, Instant refusedAt) implements DomainEvent {
    @Override
    public String subject() {
        return orderId.toString();
    }
}
