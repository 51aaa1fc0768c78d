package com.busanev.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The car entered the line: from now on the order cannot be cancelled. */
public record BuildStarted(UUID orderId, LocalDate plannedDate, Instant startedAt) implements DomainEvent {
    @Override
    public String subject() {
        return orderId.toString();
    }
}
