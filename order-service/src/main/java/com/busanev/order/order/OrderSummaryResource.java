package com.busanev.order.order;

import com.busanev.events.Roles;
import com.busanev.kit.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/v1/orders/summary")
@Tag(name = "Orders")
@Produces(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class OrderSummaryResource {
    private final OrderSummaries summaries;
    private final Caller caller;

    OrderSummaryResource(OrderSummaries summaries, Caller caller) {
        this.summaries = summaries;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.BRAND_ORDERS, Roles.VIEWER})
    @Operation(operationId = "summariseOrders", summary = "Order counts by status and by market",
            description = "Counted by the database in one grouped query, for dashboards that would otherwise page "
                    + "through the list. The same scope as GET /api/v1/orders: a brand counts only its own orders, "
                    + "a viewer every brand's.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OrderSummary.class)))
    @APIResponse(responseCode = "403", description = "A role that cannot read orders, or a brand user without a brand")
    public Uni<OrderSummary> summary() {
        return summaries.summarise(caller.brandScope());
    }

}
