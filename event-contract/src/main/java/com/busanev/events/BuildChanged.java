package com.busanev.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The plant applied an order change to the build: its colour, option packs and market are now these. {@code plannedDate}
 * and {@code week} are the day it holds after the change (the same as before when the change kept the slot; a new
 * one when it was re-planned, announced by a {@link BuildRescheduled} just before); both null when the build is
 * blocked. {@code slotKept} says whether the day stayed.
 */
public record BuildChanged(UUID orderId, UUID changeId, String market, Region region, String exteriorColour,
        List<String> optionPacks, @Nullable LocalDate plannedDate, @Nullable String week, boolean slotKept,
        Instant changedAt) implements DomainEvent {
    @Override
    public String subject() {
        return orderId.toString();
    }
}
