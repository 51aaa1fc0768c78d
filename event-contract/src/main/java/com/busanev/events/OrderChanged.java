package com.busanev.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The outcome of a change request: the plant applied it and the order now has this specification. Written by
 * order-service for partners once it has read {@link BuildChanged}; {@code plannedDate} is null while the build is
 * blocked.
 */
public record OrderChanged(UUID orderId, UUID changeId, String brand, String exteriorColour, String interior,
        String wheels, List<String> optionPacks, String market, @Nullable LocalDate plannedDate,
        boolean slotKept, Instant changedAt) implements DomainEvent {
    @Override
    public String subject() {
        return orderId.toString();
    }
}
