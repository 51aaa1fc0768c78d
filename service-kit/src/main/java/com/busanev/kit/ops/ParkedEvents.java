package com.busanev.kit.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What of a service's messaging waits for an operator: outbox rows Kafka refused (parked, or still retried) and the
 * records its consumers dead-lettered. Metadata only, never payloads: enough to find the row or record
 * ({@code ./dead-letters.sh}, the unpark of docs/architecture.md) without exposing what it carries.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParkedEvents(String service, long refusedOutboxRows, List<RefusedRow> outbox, DeadLetters deadLetters) {

    /** An outbox row Kafka refused: PARKED waits for an operator, RETRYING is still retried with back-off. */
    public record RefusedRow(UUID id, String topic, String eventType, String subject, String state, int attempts,
            String reason, String lastError, Instant writtenAt, Instant parkedAt) {
    }

    /**
     * The service's dead-letter topic: how many records it holds (within its retention) and the latest ones, or
     * why it could not be read ({@code unavailable}: the broker did not answer in time).
     */
    public record DeadLetters(String topic, Long count, List<DeadLetter> latest, String unavailable) {
    }

    /** One dead-lettered record: where it is, where it came from, which event, and why. */
    public record DeadLetter(int partition, long offset, Instant at, String originalTopic, String key, String eventId,
            String eventType, String reason) {
    }
}
