package com.busanev.logistics.voyage;

import com.busanev.events.Roles;
import com.busanev.kit.idempotency.IdempotencyKeys;
import com.busanev.kit.paging.ListFilter;
import com.busanev.kit.paging.Page;
import com.busanev.kit.paging.PageParams;
import com.busanev.kit.problem.ProblemException;
import com.busanev.logistics.port.Ports;
import com.busanev.logistics.shipment.ActualTime;
import com.busanev.logistics.shipment.Shipment;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/v1/voyages")
@Tag(name = "Voyages", description = "Sailings from Busan New Port")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class VoyageResource {
    private final Voyages voyages;
    private final IdempotencyKeys idempotencyKeys;

    VoyageResource(Voyages voyages, IdempotencyKeys idempotencyKeys) {
        this.voyages = voyages;
        this.idempotencyKeys = idempotencyKeys;
    }

    @POST
    @RolesAllowed(Roles.LOGISTICS_OPERATOR)
    @Operation(operationId = "addVoyage",
            summary = "Add a voyage", description = "Cars waiting for its port are booked on it at once. With an "
            + "Idempotency-Key, a retry with the same body returns the first result (header Idempotency-Replayed: "
            + "true); the same key with another body is refused with 422.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = VoyageView.class)))
    @APIResponse(responseCode = "400", description = "Invalid voyage (unknown port, past departure, capacity that does not fit the mode)")
    @APIResponse(responseCode = "409", description = "A voyage with this code exists")
    public Uni<Response> add(@HeaderParam(IdempotencyKeys.HEADER) @Parameter(description = "Makes retries safe") String key,
            @Valid VoyageRequest request) {
        return Panache.withTransaction(() -> idempotencyKeys.once(key, "voyages", request, VoyageView.class, 201,
                        () -> voyages.add(request).map(VoyageView::of)))
                .map(result -> Response.status(result.status()).entity(result.body())
                        .location(URI.create("/api/v1/voyages/" + result.body().id()))
                        .header(IdempotencyKeys.REPLAYED_HEADER, result.replayed())
                        .build());
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OPERATOR, Roles.VIEWER})
    @WithSession
    @Operation(operationId = "listVoyages", summary = "Voyages by departure, filtered by destination port and status")
    @APIResponse(responseCode = "200", description = "One page, with the total")
    @APIResponse(responseCode = "400", description = "A page, size or filter value that cannot be used (an unknown port, status)")
    public Uni<Page<VoyageView>> list(@QueryParam("port") String port, @QueryParam("status") VoyageStatus status,
            @Valid @BeanParam PageParams page) {
        if (port != null && !Ports.isDestination(port)) {
            throw ProblemException.badRequest("port", "'" + port + "' is not a destination port (see GET /api/v1/ports)");
        }
        ListFilter filter = ListFilter.all()
                .and("destinationPort = :port", "port", port)
                .and("status = :status", "status", status);
        var found = Voyage.<Voyage>find(filter.query(), Sort.ascending("departure", "code"), filter.parameters())
                .page(page.page, page.size);
        return found.list().chain(list -> found.count()
                .map(total -> Page.of(list.stream().map(VoyageView::of).toList(), page, total)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.LOGISTICS_OPERATOR, Roles.VIEWER})
    @WithSession
    @Operation(operationId = "getVoyage", summary = "A voyage with its bookings, load factor and ETA")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = VoyageView.class)))
    @APIResponse(responseCode = "404", description = "No such voyage")
    public Uni<VoyageView> get(@PathParam("id") UUID id) {
        return find(id).map(VoyageView::of);
    }

    @GET
    @Path("/{id}/manifest")
    @RolesAllowed({Roles.LOGISTICS_OPERATOR, Roles.VIEWER})
    @WithSession
    @Operation(operationId = "getVoyageManifest", summary = "Cars aboard, containers and load factor")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Manifest.class)))
    @APIResponse(responseCode = "404", description = "No such voyage")
    public Uni<Manifest> manifest(@PathParam("id") UUID id) {
        return find(id).chain(voyage -> Shipment.<Shipment>find("voyageId = ?1 order by containerId, vin", voyage.id).list()
                .map(cars -> {
                    Map<String, List<String>> containers = new LinkedHashMap<>();
                    cars.stream().filter(c -> c.containerId != null)
                            .forEach(c -> containers.computeIfAbsent(c.containerId, k -> new ArrayList<>()).add(c.vin));
                    return new Manifest(VoyageView.of(voyage),
                            cars.stream().map(c -> new Manifest.Car(c.orderId, c.vin, c.market, c.containerId, c.status.name())).toList(),
                            containers.entrySet().stream().map(e -> new Manifest.Container(e.getKey(), e.getValue())).toList());
                }));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.LOGISTICS_OPERATOR)
    @Operation(operationId = "changeVoyage",
            summary = "Change a planned voyage", description = "Capacity (capacityCars for Ro-Ro, containers for a "
            + "container service) and/or a later departure. A later departure moves the cut-off and the ETA of every "
            + "booked car (ShipmentDelayed per car); more room or a later cut-off books waiting cars.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = VoyageView.class)))
    @APIResponse(responseCode = "400", description = "Nothing to change, a departure in the past, or a capacity that does not fit the mode")
    @APIResponse(responseCode = "404", description = "No such voyage")
    @APIResponse(responseCode = "409", description = "Overbooking (fewer places than cars booked), an earlier departure, or a voyage that has left")
    public Uni<VoyageView> change(@PathParam("id") UUID id, @Valid VoyageChange change) {
        return Panache.withTransaction(() -> voyages.change(id, change)).map(VoyageView::of);
    }

    @POST
    @Path("/{id}/depart")
    @RolesAllowed(Roles.LOGISTICS_OPERATOR)
    @Operation(operationId = "departVoyage",
            summary = "The voyage left", description = "Cars aboard depart; a late departure moves every ETA "
            + "on it (ShipmentDelayed per car).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = VoyageView.class)))
    @APIResponse(responseCode = "400", description = "A time later than now")
    @APIResponse(responseCode = "404", description = "No such voyage")
    @APIResponse(responseCode = "409", description = "The voyage has departed already")
    public Uni<VoyageView> depart(@PathParam("id") UUID id, ActualTime time) {
        return Panache.withTransaction(() -> voyages.depart(id, time == null ? null : time.at())).map(VoyageView::of);
    }

    @POST
    @Path("/{id}/arrive")
    @RolesAllowed(Roles.LOGISTICS_OPERATOR)
    @Operation(operationId = "arriveVoyage",
            summary = "The voyage arrived", description = "Cars aboard arrive; an arrival later than the ETA "
            + "is announced as a delay (ShipmentDelayed per car) first.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = VoyageView.class)))
    @APIResponse(responseCode = "400", description = "Arrival before the departure, or a time later than now")
    @APIResponse(responseCode = "404", description = "No such voyage")
    @APIResponse(responseCode = "409", description = "The voyage has not departed, or has arrived already")
    public Uni<VoyageView> arrive(@PathParam("id") UUID id, ActualTime time) {
        return Panache.withTransaction(() -> voyages.arrive(id, time == null ? null : time.at())).map(VoyageView::of);
    }

    private static Uni<Voyage> find(UUID id) {
        return Voyage.<Voyage>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("No voyage " + id + "."));
    }
}
