package com.busanev.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The order holds a slot on the Busan line on {@code plannedDate} (ISO {@code week}) with a pack reserved. */
public record BuildScheduled(UUID orderId, String market, Region region, String variant, LocalDate plannedDate,
        String week, Instant scheduledAt) implements DomainEvent {
    @Override
    public String subject() {
        return orderId.toString();
    }
}
