package com.busanev.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The order cannot be slotted. {@code week} is the first week it could be built in if the reason went away
 * (the week a pack is missing for); it is the demand signal supplier-service allocates against.
 */
public record BuildBlocked(UUID orderId, String market, Region region, BlockReason reason, @Nullable String week,
        String detail, Instant blockedAt) implements DomainEvent {
    @Override
    public String subject() {
        return orderId.toString();
    }
}
