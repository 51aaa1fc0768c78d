package com.busanev.kit.webhook;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of a subscription's delivery log. */
public record DeliveryView(UUID id,
        @Schema(description = "The event id: the webhook-id header and the body's id") String eventId,
        String eventType,
        @Schema(description = "What the event is about (order id, or week/region); deliveries of one key go in order") String orderingKey,
        Instant eventTime,
        WebhookDelivery.Status status,
        @Schema(description = "Attempts since it was created or last requeued") int attempts,
        Instant lastAttemptAt,
        @Schema(description = "The endpoint's status code at the last attempt; none if it did not answer") Integer lastStatusCode,
        Integer lastLatencyMs,
        String lastError,
        @Schema(description = "When it is tried next (while PENDING; a disabled subscription's wait for it to be enabled)") Instant nextAttemptAt,
        Instant deliveredAt,
        Instant createdAt) {

    static DeliveryView of(WebhookDelivery d) {
        return new DeliveryView(d.id, d.eventId, d.eventType, d.orderingKey, d.eventTime, d.status, d.attempts,
                d.lastAttemptAt, d.lastStatusCode, d.lastLatencyMs, d.lastError, d.nextAttemptAt, d.deliveredAt,
                d.createdAt);
    }
}
