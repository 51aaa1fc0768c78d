package com.busanev.order.webhook;

import com.busanev.events.Roles;
import com.busanev.kit.idempotency.IdempotencyKeys;
import com.busanev.kit.security.Caller;
import com.busanev.kit.webhook.WebhookEventTypes;
import com.busanev.kit.webhook.WebhookResource;
import com.busanev.kit.webhook.WebhookSubscriptions;
import jakarta.ws.rs.Path;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A brand's webhook subscriptions: brand-orders manages its brand's; a viewer reads every brand's. */
@Path(WebhookResource.PATH)
@Tag(name = "Webhooks", description = "Push instead of polling: every event of the brand's orders, signed per "
        + "Standard Webhooks (docs/partner-integration.md)")
public class BrandWebhookResource extends WebhookResource {
    BrandWebhookResource(WebhookSubscriptions subscriptions, WebhookEventTypes types, IdempotencyKeys idempotencyKeys,
            Caller caller) {
        super(subscriptions, types, idempotencyKeys, caller);
    }

    @Override
    protected String managedOwner(Caller caller) {
        if (!caller.hasRole(Roles.BRAND_ORDERS)) {
            throw forbidden();
        }
        return caller.requireBrand();
    }

    @Override
    protected Optional<String> readableOwner(Caller caller) {
        if (caller.hasRole(Roles.BRAND_ORDERS)) {
            return Optional.of(caller.requireBrand());
        }
        if (caller.hasRole(Roles.VIEWER)) {
            return Optional.empty();
        }
        throw forbidden();
    }
}
