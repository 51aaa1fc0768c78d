package com.busanev.kit.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as its owner sees it; the secret only in the answers that create it (create, rotate). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(UUID id, String owner, String url, List<String> eventTypes, String description,
        boolean enabled,
        @Schema(description = "When it was disabled, by its owner or after a delivery kept failing") Instant disabledAt,
        @Schema(description = "Why, when the sender disabled it") String disabledReason,
        @Schema(description = "Until when the secret before the last rotation still signs requests") Instant previousSecretExpiresAt,
        Instant createdAt, Instant updatedAt,
        @Schema(description = "The signing secret (whsec_...); only in the answers to create and rotate: keep it") String secret) {

    static SubscriptionView of(WebhookSubscription s) {
        return new SubscriptionView(s.id, s.owner, s.url, List.of(s.eventTypes), s.description, s.enabled, s.disabledAt,
                s.disabledReason, s.previousSecretExpiresAt, s.createdAt, s.updatedAt, null);
    }

    static SubscriptionView withSecret(WebhookSubscription s) {
        SubscriptionView view = of(s);
        return new SubscriptionView(view.id, view.owner, view.url, view.eventTypes, view.description, view.enabled,
                view.disabledAt, view.disabledReason, view.previousSecretExpiresAt, view.createdAt, view.updatedAt,
                s.secret);
    }
}
