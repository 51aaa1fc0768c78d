package com.busanev.events;

import java.time.Instant;
import java.util.UUID;

/** The brand cancelled the order before its build started: release slot, packs and booking. */
public record OrderCancelled(UUID orderId, String brand, @Nullable String reason, Instant cancelledAt) implements DomainEvent {
    @Override
    public String subject() {
        return orderId.toString();
    }
}
