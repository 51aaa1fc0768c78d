package com.busanev.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A voyage to a destination port is planned, or its departure moved: the latest cars can reach Busan New Port for it
 * ({@code cutOff}) and its ETA. Published by logistics-service for delivery promises; keyed by voyage id.
 */
public record SailingScheduled(UUID voyageId, String destinationPort, TransportMode mode, Instant cutOff,
        Instant departure, Instant eta, int capacityCars, Instant scheduledAt) implements DomainEvent {
    @Override
    public String subject() {
        return voyageId.toString();
    }
}
