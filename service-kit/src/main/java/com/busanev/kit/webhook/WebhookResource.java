package com.busanev.kit.webhook;

import com.busanev.kit.idempotency.IdempotencyKeys;
import com.busanev.kit.paging.Page;
import com.busanev.kit.paging.PageParams;
import com.busanev.kit.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The webhook API of a service, written once: a service extends it with its path ({@code /api/v1/webhooks}), its
 * tag, and who owns what (a brand's or a supplier's subscriptions, from the token). Authorization is by the two
 * owner methods, not by annotations, since the roles differ per service: no token is a 401, a caller who may not
 * is a 403, another owner's subscription a 404 ({@link WebhookOpenApiFilter} documents these problems once for every
 * operation). The signature scheme, retries and ordering are documented in docs/partner-integration.md and in the
 * OpenAPI document's {@code webhooks} section.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public abstract class WebhookResource {
    private final WebhookSubscriptions subscriptions;
    private final WebhookEventTypes types;
    private final IdempotencyKeys idempotencyKeys;
    private final Caller caller;

    protected WebhookResource(WebhookSubscriptions subscriptions, WebhookEventTypes types,
            IdempotencyKeys idempotencyKeys, Caller caller) {
        this.subscriptions = subscriptions;
        this.types = types;
        this.idempotencyKeys = idempotencyKeys;
        this.caller = caller;
    }

    /** Where a service mounts it. */
    public static final String PATH = "/api/v1/webhooks";

    /** The owner whose subscriptions the caller manages (its brand or supplier); throws 403 for a caller who may not. */
    protected abstract String managedOwner(Caller caller);

    /** The owner whose subscriptions the caller reads, empty for every owner (operators); throws 403 for others. */
    protected abstract Optional<String> readableOwner(Caller caller);

    @GET
    @Path("/event-types")
    @Operation(operationId = "listWebhookEventTypes", summary = "The event types a subscription may ask for",
            description = "Each one's payload schema is in this document's webhooks section (the body is the event "
                    + "as a structured CloudEvent).")
    @APIResponse(responseCode = "200", description = "Event names")
    public List<String> eventTypes() {
        readable();
        return types.names();
    }

    @POST
    @Operation(operationId = "createWebhookSubscription", summary = "Subscribe an endpoint to event types",
            description = "Every event of the caller's own orders or contracts of the types asked for is POSTed to "
                    + "the endpoint, signed per Standard Webhooks. The answer carries the signing secret, once: keep "
                    + "it. The URL must be https:// and resolve to public addresses only. With an Idempotency-Key, "
                    + "a retry with the same body returns the first result (and secret).")
    @APIResponse(responseCode = "201", description = "Created, with its secret",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    public Uni<Response> create(@HeaderParam(IdempotencyKeys.HEADER) @Parameter(description = "Makes retries safe") String key,
            SubscriptionRequest request) {
        String owner = managed();
        return subscriptions.check(request)
                .chain(() -> Panache.withTransaction(() -> idempotencyKeys.once(key, "webhooks:" + owner, request,
                        SubscriptionView.class, 201, () -> subscriptions.create(owner, caller.name(), request))))
                .map(result -> Response.status(result.status()).entity(result.body())
                        .location(URI.create(PATH + "/" + result.body().id()))
                        .header(IdempotencyKeys.REPLAYED_HEADER, result.replayed())
                        .build());
    }

    @GET
    @Operation(operationId = "listWebhookSubscriptions", summary = "The caller's subscriptions, newest first")
    @APIResponse(responseCode = "200", description = "One page, with the total")
    public Uni<Page<SubscriptionView>> list(@Valid @BeanParam PageParams page) {
        Optional<String> owner = readable();
        return Panache.withSession(() -> subscriptions.list(owner, page));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhookSubscription", summary = "A subscription (without its secret)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    public Uni<SubscriptionView> get(@PathParam("id") UUID id) {
        Optional<String> owner = readable();
        return Panache.withSession(() -> subscriptions.find(id, owner)).map(SubscriptionView::of);
    }

    @PATCH
    @Path("/{id}")
    @Operation(operationId = "updateWebhookSubscription", summary = "Enable, disable or change a subscription",
            description = "Only the fields sent change. enabled=true on a disabled subscription (by its owner, or "
                    + "by the sender after a delivery failed for 3 days) resumes its pending deliveries, the oldest "
                    + "of each order first, each with a fresh retry schedule.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    public Uni<SubscriptionView> update(@PathParam("id") UUID id, SubscriptionPatch patch) {
        String owner = managed();
        return subscriptions.check(patch)
                .chain(() -> Panache.withTransaction(() -> subscriptions.update(id, owner, patch)));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhookSubscription", summary = "Delete a subscription",
            description = "Its pending deliveries are dropped with it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        String owner = managed();
        return Panache.withTransaction(() -> subscriptions.delete(id, owner)).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/{id}/secret/rotate")
    @Operation(operationId = "rotateWebhookSecret", summary = "Replace the signing secret",
            description = "Answers the new secret. The previous one stays valid for the grace period "
                    + "(kit.webhooks.rotation-grace, 24 h by default; previousSecretExpiresAt): meanwhile every request "
                    + "carries two signatures, 'v1,<new> v1,<previous>', so the receiver can switch at any moment.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    public Uni<SubscriptionView> rotateSecret(@PathParam("id") UUID id) {
        String owner = managed();
        return Panache.withTransaction(() -> subscriptions.rotateSecret(id, owner));
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log, newest event first",
            description = "Per delivery: status, attempts, the last answer's status code and latency, the last error "
                    + "and when it is tried next.")
    @APIResponse(responseCode = "200", description = "One page, with the total")
    public Uni<Page<DeliveryView>> deliveries(@PathParam("id") UUID id,
            @QueryParam("status") @Parameter(description = "PENDING or DELIVERED") WebhookDelivery.Status status,
            @Valid @BeanParam PageParams page) {
        Optional<String> owner = readable();
        return Panache.withSession(() -> subscriptions.deliveries(id, owner, Optional.ofNullable(status), page));
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(operationId = "redeliverWebhook", summary = "Send one delivery again",
            description = "Delivered or not, it is sent again soon with a fresh retry schedule, the same webhook-id "
                    + "and body, after any earlier pending delivery of its order.")
    @APIResponse(responseCode = "202", description = "The deliveries made due again, sent by the next claim",
            content = @Content(schema = @Schema(implementation = Redelivery.class)))
    public Uni<Response> redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        String owner = managed();
        return Panache.withTransaction(() -> subscriptions.redeliver(id, owner, deliveryId))
                .map(redelivery -> Response.accepted(redelivery).build());
    }

    @POST
    @Path("/{id}/redeliver")
    @Operation(operationId = "redeliverWebhooks", summary = "Send again every delivery of a time range",
            description = "Every delivery of the subscription whose event time is in [from, to), delivered or not, "
                    + "is sent again in its order, with the same webhook-id and body.")
    @APIResponse(responseCode = "202", description = "The deliveries made due again, sent by the next claim",
            content = @Content(schema = @Schema(implementation = Redelivery.class)))
    public Uni<Response> redeliverRange(@PathParam("id") UUID id,
            @QueryParam("from") @Parameter(description = "Event time from (inclusive), ISO-8601", required = true) Instant from,
            @QueryParam("to") @Parameter(description = "Event time to (exclusive), ISO-8601", required = true) Instant to) {
        String owner = managed();
        return Panache.withTransaction(() -> subscriptions.redeliver(id, owner, from, to))
                .map(redelivery -> Response.accepted(redelivery).build());
    }

    private String managed() {
        authenticated();
        return managedOwner(caller);
    }

    private Optional<String> readable() {
        authenticated();
        return readableOwner(caller);
    }

    private void authenticated() {
        if (caller.anonymous()) {
            throw new UnauthorizedException();
        }
    }

    /** For a service's owner methods: the caller may not use the webhook API. */
    protected static ForbiddenException forbidden() {
        return new ForbiddenException();
    }
}
