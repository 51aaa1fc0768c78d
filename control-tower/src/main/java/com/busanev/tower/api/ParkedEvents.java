package com.busanev.tower.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A service's parked events as the kit answers them (GET /api/v1/ops/parked): metadata, never payloads. */
public record ParkedEvents(String service, long refusedOutboxRows, List<RefusedRow> outbox, DeadLetters deadLetters) {

    public record RefusedRow(UUID id, String topic, String eventType, String subject, String state, int attempts,
            String reason, String lastError, Instant writtenAt, Instant parkedAt) {
    }

    /** {@code count} is null and {@code unavailable} says why when the service could not read its topic. */
    public record DeadLetters(String topic, Long count, List<DeadLetter> latest, String unavailable) {
    }

    public record DeadLetter(int partition, long offset, Instant at, String originalTopic, String key, String eventId,
            String eventType, String reason) {
    }

    /** Nothing waits for an operator (dead letters unknown count as something to look at). */
    public boolean none() {
        return refusedOutboxRows == 0 && deadLetters != null && Long.valueOf(0).equals(deadLetters.count());
    }
}
