package com.busanev.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The plant cancelled the order's build on its cancel request, before the build started: the slot and the pack are
 * released and the car will never be built. {@code region} is null when the plant never saw the order (it keeps a
 * tombstone, so the order's OrderPlaced is ignored if it comes later); {@code week} is the ISO week of the slot it
 * held, null if it held none (blocked).
 */
public record BuildCancelled(UUID orderId, @Nullable Region region, @Nullable String week, Instant cancelledAt)
        implements DomainEvent {
    @Override
    public String subject() {
        return orderId.toString();
    }
}
