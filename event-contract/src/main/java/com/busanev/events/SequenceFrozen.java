package com.busanev.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The line sequence of a production day entered the frozen horizon: it is kept as it is from now on. {@code orders}
 * are the day's Polestar builds in line order (the plant's own cars between them are not listed); the counts are the
 * sequence's ratio violations by priority and its paint colour changes.
 */
public record SequenceFrozen(LocalDate day, int cars, List<UUID> orders, long highPriorityViolations,
        long lowPriorityViolations, long colourChanges, Instant frozenAt) implements DomainEvent {
    @Override
    public String subject() {
        return day.toString();
    }
}
