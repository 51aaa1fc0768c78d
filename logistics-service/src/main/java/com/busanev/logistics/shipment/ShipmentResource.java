package com.busanev.logistics.shipment;

import com.busanev.events.Roles;
import com.busanev.kit.paging.ListFilter;
import com.busanev.kit.paging.Page;
import com.busanev.kit.paging.PageParams;
import com.busanev.kit.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/v1/shipments")
@Tag(name = "Shipments", description = "Where each built car is on its way to market; Korean cars' trucks")
@Produces(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class ShipmentResource {
    private final Caller caller;
    private final Trucks trucks;

    ShipmentResource(Caller caller, Trucks trucks) {
        this.caller = caller;
        this.trucks = trucks;
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OPERATOR, Roles.VIEWER, Roles.BRAND_ORDERS})
    @WithSession
    @Operation(operationId = "listShipments", summary = "Shipments by order id, VIN, voyage, status or delay",
            description = "A brand sees only its own cars (token claim 'brand'): another brand's order id or VIN finds "
            + "nothing. In the order cars were ready at the port; delayed=true lists the cars whose ETA moved later "
            + "(each with its latest delay: the ETA first promised, when and why), latest delay first.")
    @APIResponse(responseCode = "200", description = "One page, with the total")
    @APIResponse(responseCode = "400", description = "A page, size or filter value that cannot be used")
    public Uni<Page<ShipmentView>> list(@QueryParam("orderId") UUID orderId, @QueryParam("vin") String vin,
            @QueryParam("voyage") UUID voyage, @QueryParam("status") ShipmentStatus status,
            @Parameter(description = "true: only cars whose ETA moved later, latest delay first") @QueryParam("delayed") boolean delayed,
            @Valid @BeanParam PageParams page) {
        boolean everyBrand = caller.hasRole(Roles.LOGISTICS_OPERATOR) || caller.hasRole(Roles.VIEWER);
        ListFilter filter = ListFilter.all()
                .and("brand = :brand", "brand", everyBrand ? null : caller.requireBrand())
                .and("orderId = :orderId", "orderId", orderId)
                .and("vin = :vin", "vin", vin)
                .and("voyageId = :voyage", "voyage", voyage)
                .and("status = :status", "status", status)
                .andIf(delayed, "delayedAt is not null");
        Sort order = delayed ? Sort.descending("delayedAt").and("orderId") : Sort.ascending("readyAt", "orderId");
        var found = Shipment.<Shipment>find(filter.query(), order, filter.parameters()).page(page.page, page.size);
        return found.list().chain(list -> found.count()
                .map(total -> Page.of(list.stream().map(ShipmentView::of).toList(), page, total)));
    }

    @POST
    @Path("/{orderId}/depart")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LOGISTICS_OPERATOR)
    @Operation(operationId = "departShipment",
            summary = "A Korean car's truck left", description = "Body {\"at\": ...} optional (now). A truck "
            + "that leaves after the car was ready moves its ETA (ShipmentDelayed), then ShipmentDeparted.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ShipmentView.class)))
    @APIResponse(responseCode = "400", description = "A time later than now")
    @APIResponse(responseCode = "404", description = "No shipment for this order")
    @APIResponse(responseCode = "409", description = "Not a truck shipment, or not booked (left already, delivered, cancelled)")
    public Uni<ShipmentView> depart(@PathParam("orderId") UUID orderId, ActualTime time) {
        return Panache.withTransaction(() -> trucks.depart(orderId, time == null ? null : time.at())).map(ShipmentView::of);
    }

    @POST
    @Path("/{orderId}/deliver")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LOGISTICS_OPERATOR)
    @Operation(operationId = "deliverShipment",
            summary = "A Korean car's truck delivered it", description = "Body {\"at\": ...} optional (now). A "
            + "delivery later than the ETA is announced as a delay (ShipmentDelayed) before ShipmentArrived.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ShipmentView.class)))
    @APIResponse(responseCode = "400", description = "A time later than now, or before the truck left")
    @APIResponse(responseCode = "404", description = "No shipment for this order")
    @APIResponse(responseCode = "409", description = "Not a truck shipment, or its truck has not left or has delivered")
    public Uni<ShipmentView> deliver(@PathParam("orderId") UUID orderId, ActualTime time) {
        return Panache.withTransaction(() -> trucks.deliver(orderId, time == null ? null : time.at())).map(ShipmentView::of);
    }
}
