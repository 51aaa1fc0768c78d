package com.busanev.supplier.webhook;

import com.busanev.events.Roles;
import com.busanev.kit.idempotency.IdempotencyKeys;
import com.busanev.kit.security.Caller;
import com.busanev.kit.webhook.WebhookEventTypes;
import com.busanev.kit.webhook.WebhookResource;
import com.busanev.kit.webhook.WebhookSubscriptions;
import jakarta.ws.rs.Path;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A battery supplier's webhook subscriptions: it manages its own; procurement and viewers read every supplier's. */
@Path(WebhookResource.PATH)
@Tag(name = "Webhooks", description = "Push instead of polling: allocations and shortage alerts that concern the "
        + "supplier, signed per Standard Webhooks (docs/partner-integration.md)")
public class SupplierWebhookResource extends WebhookResource {
    SupplierWebhookResource(WebhookSubscriptions subscriptions, WebhookEventTypes types, IdempotencyKeys idempotencyKeys,
            Caller caller) {
        super(subscriptions, types, idempotencyKeys, caller);
    }

    @Override
    protected String managedOwner(Caller caller) {
        if (!caller.hasRole(Roles.BATTERY_SUPPLIER)) {
            throw forbidden();
        }
        return caller.requireSupplier();
    }

    @Override
    protected Optional<String> readableOwner(Caller caller) {
        if (caller.hasRole(Roles.PROCUREMENT) || caller.hasRole(Roles.VIEWER)) {
            return Optional.empty();
        }
        if (caller.hasRole(Roles.BATTERY_SUPPLIER)) {
            return Optional.of(caller.requireSupplier());
        }
        throw forbidden();
    }
}
