package com.busanev.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A brand's order for one car was accepted. {@code requestedWeek} is an ISO week or null (as soon as possible).
 * {@code exteriorColour} (the paint shop's colour code) is null in events written before it was carried.
 */
public record OrderPlaced(UUID orderId, String brand, String brandReference, String model, String variant,
        List<String> optionPacks, @Nullable String exteriorColour, String market, Region region, @Nullable String requestedWeek, int priority,
        Instant placedAt) implements DomainEvent {
    @Override
    public String subject() {
        return orderId.toString();
    }
}
