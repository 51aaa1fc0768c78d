package com.busanev.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A weekly delivery schedule (a DELFOR-like call-off) issued to a battery supplier under one contract: per ISO week of
 * the horizon the packs called off, FIRM within the frozen weeks (they never change in a later revision) and FORECAST
 * beyond, each within the contract's weekly flex bounds. Each issue is a new {@code revision} of the contract's
 * schedule; the latest one is the one in force.
 */
public record DeliveryScheduleIssued(UUID scheduleId, UUID contractId, String supplier, int revision,
        List<ScheduleWeek> lines, Instant issuedAt) implements DomainEvent {
    /**
     * One week of the schedule: packs called off, FIRM or FORECAST, the contract's flex bounds that week, and what the
     * packs were taken from before the flex clamp ({@code ALLOCATION}, {@code DEMAND_SHARE} where the week has no
     * allocation yet, {@code FLEX_MINIMUM} where it has no demand either); absent in events from before it was sent.
     */
    public record ScheduleWeek(String week, int packs, String kind, int flexMin, int flexMax, @Nullable String basis) {
    }

    @Override
    public String subject() {
        return contractId.toString();
    }
}
