package com.busanev.events;

import java.time.Instant;
import java.util.List;

/**
 * A compact snapshot of where the Busan line could still take a region's new orders: per ISO week of the planning
 * horizon, the builds it could add (free line and EV slots, capped by the region's packs left), after the region's
 * blocked backlog took the earliest of them. Published by production-service when it changed, at most once per
 * interval; order-service promises build weeks from it. Keyed by region, so the latest snapshot of a region wins.
 */
public record LineAvailability(Region region, List<WeekRoom> weeks, int blockedBacklog, Instant computedAt)
        implements DomainEvent {

    /** Builds a week could still take for the region. */
    public record WeekRoom(String week, int free) {
    }

    @Override
    public String subject() {
        return "availability/" + region;
    }
}
