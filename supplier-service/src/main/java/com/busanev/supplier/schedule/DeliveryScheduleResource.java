package com.busanev.supplier.schedule;

import com.busanev.events.Roles;
import com.busanev.kit.idempotency.IdempotencyKeys;
import com.busanev.kit.paging.ListFilter;
import com.busanev.kit.paging.Page;
import com.busanev.kit.paging.PageParams;
import com.busanev.kit.problem.ProblemException;
import com.busanev.kit.security.Caller;
import com.busanev.supplier.contract.ContractStatus;
import com.busanev.supplier.contract.Contracts;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * Weekly delivery schedules (DELFOR-like call-offs) per contract: procurement issues them (and the weekly run does),
 * everyone with a view of supply reads them, a battery supplier only its own, and acknowledges the revision in force.
 */
@Path("/api/v1/delivery-schedules")
@Tag(name = "Delivery schedules", description = "Weekly call-offs per contract: packs per ISO week, firm within the "
        + "frozen weeks and forecast beyond, issued as numbered revisions the supplier acknowledges")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PROCUREMENT, Roles.VIEWER, Roles.PLANT_PLANNER, Roles.BATTERY_SUPPLIER})
@Cancellable(false)
public class DeliveryScheduleResource {
    private final DeliverySchedules schedules;
    private final Contracts contracts;
    private final IdempotencyKeys idempotencyKeys;
    private final Caller caller;

    DeliveryScheduleResource(DeliverySchedules schedules, Contracts contracts, IdempotencyKeys idempotencyKeys, Caller caller) {
        this.schedules = schedules;
        this.contracts = contracts;
        this.idempotencyKeys = idempotencyKeys;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PROCUREMENT)
    @Operation(operationId = "issueDeliverySchedule", summary = "Issue a new revision of a contract's delivery schedule now",
            description = "Between the weekly runs: per ISO week of the horizon the packs the allocation takes from the "
                    + "contract, clamped to its weekly flex bounds; FIRM within the frozen weeks (a week firm in the "
                    + "previous revision keeps its packs), FORECAST beyond. The previous revision is SUPERSEDED; "
                    + "DeliveryScheduleIssued is published. Idempotency-Key makes a retry return the first revision.")
    @APIResponse(responseCode = "201", description = "The new revision, ISSUED",
            content = @Content(schema = @Schema(implementation = ScheduleView.class)))
    @APIResponse(responseCode = "400", description = "No contract id")
    @APIResponse(responseCode = "404", description = "No such contract")
    @APIResponse(responseCode = "409", description = "The contract is not active")
    public Uni<Response> issue(@HeaderParam(IdempotencyKeys.HEADER) @Parameter(description = "Makes retries safe") String key,
            @Valid IssueRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("contractId", "is required");
        }
        return Panache.withTransaction(() -> contracts.visible(request.contractId(), Optional.empty())
                        .chain(contract -> idempotencyKeys.once(key, "delivery-schedules:" + caller.name(), request,
                                ScheduleView.class, 201, () -> contract.status != ContractStatus.ACTIVE
                                        ? Uni.createFrom().failure(ProblemException.conflict("Contract " + contract.id
                                                + " is " + contract.status + ": only an active contract is called off."))
                                        : schedules.issue(contract, caller.name()).chain(this::view))))
                .map(result -> Response.status(result.status()).entity(result.body())
                        .location(URI.create("/api/v1/delivery-schedules/" + result.body().id()))
                        .header(IdempotencyKeys.REPLAYED_HEADER, result.replayed()).build());
    }

    @GET
    @WithSession
    @Operation(operationId = "listDeliverySchedules", summary = "Delivery schedule revisions, newest first",
            description = "Every revision kept (SUPERSEDED ones are the history). A battery supplier lists only its own "
                    + "contracts' schedules, whatever the supplier filter says.")
    @APIResponse(responseCode = "200", description = "One page, with the total")
    @APIResponse(responseCode = "400", description = "A page, size or filter value that cannot be used")
    public Uni<Page<ScheduleView>> list(@QueryParam("contractId") UUID contractId,
            @Parameter(description = "Supplier code (procurement, planners and viewers)") @QueryParam("supplier") String supplier,
            @QueryParam("status") ScheduleStatus status, @Valid @BeanParam PageParams page) {
        ListFilter filter = ListFilter.all()
                .and("supplierCode = :supplier", "supplier", caller.supplierScope().orElse(supplier))
                .and("contractId = :contract", "contract", contractId)
                .and("status = :status", "status", status);
        var found = DeliverySchedule.<DeliverySchedule>find(filter.query(),
                Sort.descending("issuedAt").and("revision", Sort.Direction.Descending), filter.parameters())
                .page(page.page, page.size);
        return found.list().chain(list -> schedules.linesOf(list)
                .map(lines -> list.stream().map(s -> ScheduleView.of(s, lines.getOrDefault(s.id, List.of()))).toList())
                .chain(views -> found.count().map(total -> Page.of(views, page, total))));
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(operationId = "getDeliverySchedule", summary = "A delivery schedule revision with its weeks")
    @APIResponse(responseCode = "200", description = "The revision, weeks in order",
            content = @Content(schema = @Schema(implementation = ScheduleView.class)))
    @APIResponse(responseCode = "404", description = "No such schedule, or another supplier's")
    public Uni<ScheduleView> get(@PathParam("id") UUID id) {
        return schedules.visible(id, caller.supplierScope()).chain(this::view);
    }

    @POST
    @Path("/{id}/acknowledgement")
    @RolesAllowed(Roles.BATTERY_SUPPLIER)
    @Operation(operationId = "acknowledgeDeliverySchedule", summary = "The supplier acknowledges the revision in force",
            description = "Only the contract's own supplier; acknowledging again changes nothing. A superseded revision "
                    + "is 409: read the latest and acknowledge that one.")
    @APIResponse(responseCode = "200", description = "The revision, ACKNOWLEDGED",
            content = @Content(schema = @Schema(implementation = ScheduleView.class)))
    @APIResponse(responseCode = "404", description = "No such schedule, or another supplier's")
    @APIResponse(responseCode = "409", description = "A later revision superseded this one")
    public Uni<ScheduleView> acknowledge(@PathParam("id") UUID id) {
        return Panache.withTransaction(() -> schedules.visible(id, Optional.of(caller.requireSupplier()))
                .chain(schedule -> schedules.acknowledge(schedule, caller.name()))
                .chain(this::view));
    }

    private Uni<ScheduleView> view(DeliverySchedule schedule) {
        return schedules.linesOf(List.of(schedule))
                .map(lines -> ScheduleView.of(schedule, lines.getOrDefault(schedule.id, List.of())));
    }
}
