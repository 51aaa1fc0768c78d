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
    /** One week of the schedule: packs called off, FIRM or FORECAST, and the contract's flex bounds that week. */
    public record ScheduleWeek(String week, int packs, String kind, int flexMin, int flexMax) {
    }

    @Override
    public String subject() {
        return contractId.toString();
    }
}
