package com.busanev.events;

import java.time.Instant;
import java.util.UUID;

/** Compliant pack supply for a week and region falls short of demand or of the plan. */
public record ShortageAlert(UUID alertId, String week, Region region, int demand, int supply, int gap,
        String severity, @Nullable String detail, Instant raisedAt) implements DomainEvent {
    @Override
    public String subject() {
        return week + "/" + region;
    }
}
