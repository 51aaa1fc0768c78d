package com.busanev.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The outcome of a change request: the plant refused it (past the freeze point, the reason says why); the order keeps
 * its specification. Written by order-service for partners once it has read {@link BuildChangeRefused}.
 */
public record OrderChangeRefused(UUID orderId, UUID changeId, String brand, String reason, Instant refusedAt)
        implements DomainEvent {
    @Override
    public String subject() {
        return orderId.toString();
    }
}
