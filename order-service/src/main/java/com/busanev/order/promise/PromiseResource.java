package com.busanev.order.promise;

import com.busanev.events.Roles;
import com.busanev.kit.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** How the delivery promises given are kept. */
@Path("/api/v1/orders/promises")
@Tag(name = "Orders")
@Produces(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class PromiseResource {
    private final PromiseKpis kpis;
    private final Caller caller;

    PromiseResource(PromiseKpis kpis, Caller caller) {
        this.kpis = kpis;
        this.caller = caller;
    }

    @GET
    @Path("/kpi")
    @RolesAllowed({Roles.BRAND_ORDERS, Roles.VIEWER})
    @Operation(operationId = "promiseKpis", summary = "Delivery promises kept, by market",
            description = "Orders with a promise (not cancelled) by how they stand: kept or missed once arrived, on "
                    + "track or late in flight, from the latest plan, booking and ETA events. A brand counts its own "
                    + "orders, a viewer every brand's.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PromiseKpi.class, type = SchemaType.ARRAY)))
    public Uni<List<PromiseKpi>> kpi() {
        return kpis.byMarket(caller.hasRole(Roles.VIEWER) ? Optional.empty() : Optional.of(caller.requireBrand()));
    }
}
