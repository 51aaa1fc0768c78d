package com.busanev.order.order;

import com.busanev.events.Roles;
import com.busanev.kit.idempotency.IdempotencyKeys;
import com.busanev.kit.paging.Page;
import com.busanev.kit.paging.PageParams;
import com.busanev.kit.problem.ProblemException;
import com.busanev.kit.security.Caller;
import com.busanev.order.admission.OrderAdmission;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/v1/orders")
@Tag(name = "Orders", description = "Polestar 4 orders of a brand, tracked from order to arrival")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class OrderResource {
    private static final String PAUSED = "Intake is paused while the plant's systems catch up with earlier orders; "
            + "nothing was stored. Send the same request again (with the same Idempotency-Key) after Retry-After seconds";

    private final Orders orders;
    private final Caller caller;
    private final OrderAdmission admission;

    OrderResource(Orders orders, Caller caller, OrderAdmission admission) {
        this.orders = orders;
        this.caller = caller;
        this.admission = admission;
    }

    @POST
    @RolesAllowed(Roles.BRAND_ORDERS)
    @Operation(operationId = "placeOrder",
            summary = "Place an order", description = "The brand is the caller's (token claim 'brand'). "
            + "With an Idempotency-Key, a retry with the same body returns the first result (header "
            + "Idempotency-Replayed: true); the same key with another body is refused with 422.")
    @APIResponse(responseCode = "201", description = "Placed", content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "Invalid order, with every violation")
    @APIResponse(responseCode = "409", description = "The brand reference is already used")
    @APIResponse(responseCode = "503", description = PAUSED)
    public Uni<Response> place(@HeaderParam(IdempotencyKeys.HEADER) @Parameter(description = "Makes retries safe") String key,
            OrderRequest request) {
        admission.admit();
        return orders.place(caller.requireBrand(), key, request)
                .map(result -> Response.status(result.status()).entity(result.body())
                        .location(URI.create("/api/v1/orders/" + result.body().id()))
                        .header(IdempotencyKeys.REPLAYED_HEADER, result.replayed())
                        .build());
    }

    @POST
    @Path("/batch")
    @RolesAllowed(Roles.BRAND_ORDERS)
    @Operation(operationId = "placeOrderBatch",
            summary = "Place up to 1,000 orders", description = "Per item, not all-or-nothing: each item is "
            + "read and validated on its own. Valid items with a new brand reference are placed (status 201 with "
            + "the order id); an unreadable or invalid item gets 400, a reference already used (by an existing "
            + "order or an earlier item of the batch) 409, each with its own problem. The call answers 200 with "
            + "one result per item, in request order (index = position in items). The placed items and their "
            + "OrderPlaced events commit together. Idempotency-Key works as for a single order.")
    @APIResponse(responseCode = "200", description = "One result per item", content = @Content(schema = @Schema(implementation = BatchResult.class)))
    @APIResponse(responseCode = "400", description = "No items, more than 1,000, or a body that is not JSON")
    @APIResponse(responseCode = "503", description = PAUSED)
    public Uni<Response> placeBatch(@HeaderParam(IdempotencyKeys.HEADER) @Parameter(description = "Makes retries safe") String key,
            @Valid @NotNull BatchRequest batch) {
        admission.admit();
        return orders.placeBatch(caller.requireBrand(), key, batch)
                .map(result -> Response.ok(result.body()).header(IdempotencyKeys.REPLAYED_HEADER, result.replayed()).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.BRAND_ORDERS, Roles.VIEWER})
    @Operation(operationId = "getOrder", summary = "An order with its status, timeline, VIN, voyage and ETA",
            description = "A brand sees only its own orders: another brand's id is 404.")
    @APIResponse(responseCode = "200", description = "The order", content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "404", description = "No such order, or another brand's")
    public Uni<OrderView> get(@PathParam("id") UUID id) {
        return orders.find(id, caller.brandScope());
    }

    @GET
    @RolesAllowed({Roles.BRAND_ORDERS, Roles.VIEWER})
    @Operation(operationId = "listOrders", summary = "Orders, newest first, paged and filtered",
            description = "A brand lists only its own; filters combine with AND (reference and vin find one order), "
            + "createdFrom is inclusive and createdTo exclusive.")
    @APIResponse(responseCode = "200", description = "One page, with the total")
    @APIResponse(responseCode = "400", description = "A page, size or filter value that cannot be used")
    public Uni<Page<OrderView>> list(@BeanParam OrderFilter filter, @Valid @BeanParam PageParams page) {
        return orders.list(caller.brandScope(), filter, page);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(Roles.BRAND_ORDERS)
    @Operation(operationId = "cancelOrder",
            summary = "Request the cancel of an order", description = "The plant decides a cancel, since only it "
            + "knows whether the build has started: this records the request (cancellation.status REQUESTED, the order "
            + "keeps its status) and answers 202 with the order. The outcome follows: the order becomes CANCELLED "
            + "(cancellation CANCELLED; the build never starts, its slot and packs are released) or the cancel is "
            + "REFUSED because the build had started (the order goes on). Poll GET /api/v1/orders/{id}, or subscribe to "
            + "the OrderCancelled and OrderCancelRefused events. Requesting again while the request is pending answers "
            + "202 again (no second request); on a cancelled order 200. No Idempotency-Key is needed: the call is "
            + "idempotent.")
    @APIResponse(responseCode = "202", description = "Requested (or already requested): the plant decides; the order with "
            + "cancellation.status REQUESTED", content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "200", description = "Already cancelled: the order, unchanged", content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "A reason longer than 500 characters")
    @APIResponse(responseCode = "404", description = "No such order of the caller's brand")
    @APIResponse(responseCode = "409", description = "The build is known to have started (IN_PRODUCTION or later)")
    public Uni<Response> cancel(@PathParam("id") UUID id, @Valid CancelRequest request) {
        return orders.requestCancel(id, caller.requireBrand(), request == null ? null : request.reason())
                .map(order -> Response.status(order.status() == OrderStatus.CANCELLED ? Response.Status.OK : Response.Status.ACCEPTED).entity(order).build());
    }

}
