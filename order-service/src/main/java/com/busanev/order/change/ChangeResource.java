package com.busanev.order.change;

import com.busanev.events.Roles;
import com.busanev.kit.idempotency.IdempotencyKeys;
import com.busanev.kit.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * Changes of an order before the plant's freeze point. A change is a request with a life of its own (requested, then
 * applied or refused by the plant), so it is a resource created by POST, not a PATCH of the order: a PATCH would
 * promise the order changed when the call returns.
 */
@Path("/api/v1/orders/{id}/changes")
@Tag(name = "Orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class ChangeResource {
    private final OrderChanges changes;
    private final Caller caller;

    ChangeResource(OrderChanges changes, Caller caller) {
        this.changes = changes;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.BRAND_ORDERS)
    @Operation(operationId = "requestOrderChange", summary = "Request a change of an order's specification",
            description = "Colour, interior, wheels, option packs (the whole list) and the market within the order's "
                    + "region may change until the plant's freeze point (by default the build's day is within the "
                    + "plant's next 2 working days, or its line sequence is frozen). Absent fields stay as ordered. "
                    + "The plant decides, since only it knows the build's day: this records the request and answers "
                    + "202 with the change REQUESTED. The outcome follows on the change (GET this collection) and in the "
                    + "order's timeline, and as OrderChanged or OrderChangeRefused: APPLIED keeping the build's day "
                    + "when the line allows it, or moving it (BuildRescheduled: the order's plannedDate changes), or "
                    + "REFUSED past the freeze point. One change at a time per order. With an Idempotency-Key, a retry "
                    + "with the same body returns the first result (Idempotency-Replayed: true); another body 422.")
    @APIResponse(responseCode = "202", description = "Requested: the plant decides", content = @Content(schema = @Schema(implementation = ChangeView.class)))
    @APIResponse(responseCode = "400", description = "A value the Polestar 4 does not allow, a market of another region, or nothing to change; each violation names its field")
    @APIResponse(responseCode = "404", description = "No such order of the caller's brand")
    @APIResponse(responseCode = "409", description = "The order is cancelled or being cancelled, its build has started, or another change is pending")
    public Uni<Response> request(@PathParam("id") UUID id,
            @HeaderParam(IdempotencyKeys.HEADER) @Parameter(description = "Makes retries safe") String key,
            @Valid ChangeRequest request) {
        return changes.request(id, caller.requireBrand(), key, request)
                .map(result -> Response.status(result.status()).entity(result.body())
                        .location(URI.create("/api/v1/orders/" + id + "/changes"))
                        .header(IdempotencyKeys.REPLAYED_HEADER, result.replayed())
                        .build());
    }

    @GET
    @RolesAllowed({Roles.BRAND_ORDERS, Roles.VIEWER})
    @Operation(operationId = "listOrderChanges", summary = "The changes of an order, oldest first, with their outcomes",
            description = "A brand sees only its own orders: another brand's id is 404.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ChangeView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No such order of the caller's brand")
    public Uni<List<ChangeView>> list(@PathParam("id") UUID id) {
        return changes.list(id, caller.hasRole(Roles.VIEWER) ? Optional.empty() : Optional.of(caller.requireBrand()));
    }
}
