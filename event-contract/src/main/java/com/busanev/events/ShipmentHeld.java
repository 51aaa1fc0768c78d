package com.busanev.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A built car logistics will not book yet, and why (for example an EU-bound car whose battery passport is not
 * complete). The car is booked, with the usual {@link ShipmentBooked}, as soon as the reason is gone.
 */
public record ShipmentHeld(UUID orderId, String vin, String reason, Instant heldAt) implements DomainEvent {
    @Override
    public String subject() {
        return orderId.toString();
    }
}
