package com.busanev.supplier.contract;

import com.busanev.events.IsoWeek;
import com.busanev.kit.concurrency.IfMatch;
import com.busanev.kit.idempotency.IdempotencyKeys;
import com.busanev.kit.paging.Page;
import com.busanev.kit.paging.PageParams;
import com.busanev.kit.problem.Problem;
import com.busanev.kit.problem.ProblemException;
import com.busanev.kit.security.Caller;
import com.busanev.events.Roles;
import com.busanev.supplier.allocation.SupplyPlanner;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/contracts")
@Tag(name = "Contracts", description = "Battery supply contracts, their amendments and deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid token")
@APIResponse(responseCode = "403", description = "The token's roles do not allow this")
public class ContractResource {
    public record VersionView(int version, ContractTerms terms, String changedBy, Instant changedAt) {
    }

    public record DeliveryView(UUID id, UUID contractId, int packs, String serialFrom, String serialTo,
            LocalDate deliveredOn, String week, String confirmedBy) {
        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id, d.contractId, d.packs, d.serialFrom, d.serialTo, d.deliveredOn, d.week,
                    d.confirmedBy);
        }
    }

    private final Contracts contracts;
    private final SupplyPlanner planner;
    private final IdempotencyKeys idempotencyKeys;
    private final Caller caller;

    ContractResource(Contracts contracts, SupplyPlanner planner, IdempotencyKeys idempotencyKeys, Caller caller) {
        this.contracts = contracts;
        this.planner = planner;
        this.idempotencyKeys = idempotencyKeys;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PROCUREMENT)
    @Operation(summary = "Add a contract", description = "An ACTIVE contract's supply is allocated at once. With an "
            + "Idempotency-Key, a retry with the same body returns the first contract (header Idempotency-Replayed: "
            + "true); the same key with another body is refused with 422.")
    @APIResponse(responseCode = "201", description = "Added as version 1; ETag is the version",
            content = @Content(schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "400", description = "Invalid terms, with every violation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@HeaderParam(IdempotencyKeys.HEADER) @Parameter(description = "Makes retries safe") String key,
            @Valid ContractTerms terms) {
        requireBody(terms, "the contract terms are required");
        return Panache.withTransaction(() -> idempotencyKeys.once(key, "contracts:" + caller.name(), terms, ContractView.class, 201,
                        () -> contracts.create(terms, caller.name()).call(this::reallocate).map(ContractView::of)))
                .map(result -> Response.status(result.status()).entity(result.body())
                        .location(URI.create("/api/v1/contracts/" + result.body().id()))
                        .tag(String.valueOf(result.body().version()))
                        .header(IdempotencyKeys.REPLAYED_HEADER, result.replayed())
                        .build());
    }

    @GET
    @RolesAllowed({Roles.PROCUREMENT, Roles.VIEWER, Roles.BATTERY_SUPPLIER})
    @WithSession
    @Operation(summary = "Contracts, filtered by supplier and status", description = "A battery supplier lists only "
            + "its own (token claim 'supplier'), whatever the supplier filter says.")
    @APIResponse(responseCode = "200", description = "One page, with the total")
    @APIResponse(responseCode = "400", description = "A page, size or filter value that cannot be used",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<ContractView>> list(@QueryParam("supplier") String supplier, @QueryParam("status") ContractStatus status,
            @Valid @BeanParam PageParams page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        Optional<String> own = ownSupplier();
        if (own.isPresent() || supplier != null) {
            query.append(" and supplierCode = :supplier");
            parameters.and("supplier", own.orElse(supplier));
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        var found = Contract.<Contract>find(query.toString(), Sort.ascending("supplierCode", "validFrom", "id"), parameters)
                .page(page.page, page.size);
        return found.list().chain(list -> found.count()
                .map(total -> Page.of(list.stream().map(ContractView::of).toList(), page, total)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PROCUREMENT, Roles.VIEWER, Roles.BATTERY_SUPPLIER})
    @WithSession
    @Operation(summary = "A contract in its current version; ETag is the version")
    @APIResponse(responseCode = "200", description = "The contract",
            content = @Content(schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "404", description = "No such contract, or another supplier's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return contracts.visible(id, ownSupplier())
                .map(c -> Response.ok(ContractView.of(c)).tag(String.valueOf(c.version)).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.PROCUREMENT, Roles.BATTERY_SUPPLIER})
    @Operation(summary = "Amend a contract", description = "Replaces the terms as a new version; every version is "
            + "kept. Needs If-Match with the version amended. The supplier of a contract never changes. A battery "
            + "supplier may amend its own contract's pack facts (spec, origins, carbon declaration) only. "
            + "Allocation is recomputed at once.")
    @APIResponse(responseCode = "200", description = "The new version; ETag is its number",
            content = @Content(schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "400", description = "Invalid terms or If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such contract, or another supplier's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version: reload and amend again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> amend(@PathParam("id") UUID id,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = "Version amended (ETag of the GET)", required = true) String ifMatch,
            @Valid ContractTerms terms) {
        requireBody(terms, "the contract terms are required");
        int expected = IfMatch.version(ifMatch, "contract");
        Optional<String> own = ownSupplier();
        return Panache.withTransaction(() -> contracts.visible(id, own)
                        .chain(c -> contracts.amend(c, terms, expected, caller.name(), own.isPresent()))
                        .call(this::reallocate))
                .map(c -> Response.ok(ContractView.of(c)).tag(String.valueOf(c.version)).build());
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({Roles.PROCUREMENT, Roles.VIEWER, Roles.BATTERY_SUPPLIER})
    @WithSession
    @Operation(summary = "Every version of the contract, newest first: who changed the terms, when, to what")
    @APIResponse(responseCode = "404", description = "No such contract, or another supplier's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<VersionView>> versions(@PathParam("id") UUID id) {
        return contracts.visible(id, ownSupplier())
                .chain(c -> ContractVersion.<ContractVersion>find("contractId", Sort.descending("version"), c.id).list())
                .map(versions -> versions.stream()
                        .map(v -> new VersionView(v.version, contracts.read(v.snapshot), v.changedBy, v.changedAt)).toList());
    }

    @POST
    @Path("/{id}/deliveries")
    @RolesAllowed({Roles.PROCUREMENT, Roles.BATTERY_SUPPLIER})
    @Operation(summary = "Confirm a delivery of packs", description = "A battery supplier confirms deliveries of its "
            + "own contracts only. The serial range must hold exactly 'packs' serials, be new for the supplier, and "
            + "the date must be within the term and not in the future. The delivery week's supply is recomputed. "
            + "Idempotency-Key makes a retry return the first delivery.")
    @APIResponse(responseCode = "201", description = "Confirmed",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "400", description = "Invalid delivery, with every violation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such contract, or another supplier's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A draft contract, or serials already confirmed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> deliver(@PathParam("id") UUID id,
            @HeaderParam(IdempotencyKeys.HEADER) @Parameter(description = "Makes retries safe") String key,
            @Valid DeliveryRequest request) {
        requireBody(request, "a delivery is required");
        return Panache.withTransaction(() -> contracts.visible(id, ownSupplier())
                        .chain(c -> idempotencyKeys.once(key, "deliveries:" + c.id, request, DeliveryView.class, 201,
                                () -> contracts.deliver(c, request, caller.name())
                                        .call(d -> planner.recompute(Set.of(IsoWeek.parse(d.week))))
                                        .map(DeliveryView::of))))
                .map(result -> Response.status(result.status()).entity(result.body()).header(IdempotencyKeys.REPLAYED_HEADER, result.replayed())
                        .build());
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed({Roles.PROCUREMENT, Roles.VIEWER, Roles.BATTERY_SUPPLIER})
    @WithSession
    @Operation(summary = "The contract's deliveries, latest first")
    @APIResponse(responseCode = "404", description = "No such contract, or another supplier's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<DeliveryView>> deliveries(@PathParam("id") UUID id) {
        return contracts.visible(id, ownSupplier())
                .chain(c -> Delivery.<Delivery>find("contractId",
                        Sort.descending("deliveredOn").and("serialFirst", Sort.Direction.Descending), c.id).list())
                .map(list -> list.stream().map(DeliveryView::of).toList());
    }

    private Uni<Void> reallocate(Contract ignored) {
        return planner.horizonAndDemandWeeks().chain(planner::recompute);
    }

    /** A battery supplier's own code; empty for procurement and viewers, who see every supplier. */
    private Optional<String> ownSupplier() {
        if (caller.hasRole(Roles.PROCUREMENT) || caller.hasRole(Roles.VIEWER)) {
            return Optional.empty();
        }
        return Optional.of(caller.requireSupplier());
    }

    private static void requireBody(Object body, String message) {
        if (body == null) {
            throw ProblemException.badRequest("(body)", message);
        }
    }
}
