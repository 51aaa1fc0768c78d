package com.busanev.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A scheduled build moved to another day (calendar change, supply change). */
public record BuildRescheduled(UUID orderId, Region region, LocalDate previousDate, LocalDate plannedDate,
        String week, @Nullable String reason, Instant rescheduledAt) implements DomainEvent {
    @Override
    public String subject() {
        return orderId.toString();
    }
}
