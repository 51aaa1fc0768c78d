package com.busanev.kit.webhook;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new subscription: where to send what. */
public record SubscriptionRequest(
        @Schema(description = "The endpoint: https://, resolving to public addresses only", required = true,
                examples = "https://oms.example.com/hooks/busan") String url,
        @Schema(description = "Event names to receive (GET .../event-types lists those offered)", required = true,
                examples = "[\"BuildScheduled\",\"ShipmentDeparted\"]") List<String> eventTypes,
        @Schema(description = "A note for the partner, up to 500 characters") String description) {
}
