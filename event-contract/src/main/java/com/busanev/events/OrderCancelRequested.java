package com.busanev.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The brand asked to cancel the order. Only a request: production-service, which knows whether the build started,
 * decides, and answers with {@link BuildCancelled} or {@link CancelRefused}.
 */
public record OrderCancelRequested(UUID orderId, String brand, @Nullable String reason, Instant requestedAt)
        implements DomainEvent {
    @Override
    public String subject() {
        return orderId.toString();
    }
}
