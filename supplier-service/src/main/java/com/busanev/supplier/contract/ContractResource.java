package com.busanev.supplier.contract;

import com.busanev.kit.paging.Page;
import com.busanev.kit.paging.PageParams;
import com.busanev.kit.concurrency.IfMatch;
import com.busanev.kit.problem.ProblemException;
import com.busanev.kit.security.Caller;
import com.busanev.kit.security.Roles;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/contracts")
@Tag(name = "Contracts", description = "Battery supply contracts, their amendments and deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContractResource {
    public record VersionView(int version, ContractTerms terms, String changedBy, Instant changedAt) {
    }

    public record DeliveryView(UUID id, UUID contractId, int packs, String serialFrom, String serialTo,
            java.time.LocalDate deliveredOn, String week, String confirmedBy) {
    }

    private final Contracts contracts;
    private final SupplyPlanner planner;
    private final Caller caller;

    ContractResource(Contracts contracts, SupplyPlanner planner, Caller caller) {
        this.contracts = contracts;
        this.planner = planner;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PROCUREMENT)
    @Operation(summary = "Add a contract", description = "An ACTIVE contract's supply is allocated at once.")
    public Uni<Response> create(@Valid ContractTerms terms) {
        requireBody(terms);
        return Panache.withTransaction(() -> contracts.create(terms, caller.name()).call(this::reallocate))
                .map(c -> Response.created(URI.create("/api/v1/contracts/" + c.id)).tag(String.valueOf(c.version))
                        .entity(ContractView.of(c)).build());
    }

    @GET
    @RolesAllowed({Roles.PROCUREMENT, Roles.VIEWER, Roles.BATTERY_SUPPLIER})
    @WithSession
    @Operation(summary = "Contracts, filtered by supplier and status", description = "A supplier lists only its own.")
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
        var found = Contract.<Contract>find(query.toString(), Sort.ascending("supplierCode", "validFrom"), parameters)
                .page(page.page, page.size);
        return found.list().chain(list -> found.count()
                .map(total -> Page.of(list.stream().map(ContractView::of).toList(), page, total)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PROCUREMENT, Roles.VIEWER, Roles.BATTERY_SUPPLIER})
    @WithSession
    @Operation(summary = "A contract in its current version; ETag is the version")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return contracts.visible(id, ownSupplier())
                .map(c -> Response.ok(ContractView.of(c)).tag(String.valueOf(c.version)).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.PROCUREMENT, Roles.BATTERY_SUPPLIER})
    @Operation(summary = "Amend a contract", description = "Needs If-Match with the version amended (412 if stale). "
            + "Every amendment is kept as a version. A supplier may amend pack facts only.")
    public Uni<Response> amend(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid ContractTerms terms) {
        requireBody(terms);
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
    @Operation(summary = "Every version of the contract, newest first")
    public Uni<List<VersionView>> versions(@PathParam("id") UUID id) {
        return contracts.visible(id, ownSupplier()).chain(c -> ContractVersion.<ContractVersion>find("contractId",
                        Sort.descending("version"), c.id).list())
                .map(versions -> versions.stream()
                        .map(v -> new VersionView(v.version, contracts.read(v.snapshot), v.changedBy, v.changedAt)).toList());
    }

    @POST
    @Path("/{id}/deliveries")
    @RolesAllowed({Roles.PROCUREMENT, Roles.BATTERY_SUPPLIER})
    @Operation(summary = "Confirm a delivery of packs", description = "A supplier confirms deliveries of its own "
            + "contracts only; the week's supply is recomputed.")
    public Uni<Response> deliver(@PathParam("id") UUID id, @Valid DeliveryRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("(body)", "a delivery is required");
        }
        return Panache.withTransaction(() -> contracts.visible(id, ownSupplier())
                        .chain(c -> contracts.deliver(c, request, caller.name()))
                        .call(d -> planner.recompute(java.util.Set.of(com.busanev.events.IsoWeek.parse(d.week)))))
                .map(d -> Response.status(201).entity(view(d)).build());
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed({Roles.PROCUREMENT, Roles.VIEWER, Roles.BATTERY_SUPPLIER})
    @WithSession
    public Uni<List<DeliveryView>> deliveries(@PathParam("id") UUID id) {
        return contracts.visible(id, ownSupplier())
                .chain(c -> Delivery.<Delivery>find("contractId", Sort.descending("deliveredOn"), c.id).list())
                .map(list -> list.stream().map(ContractResource::view).toList());
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

    private static DeliveryView view(Delivery d) {
        return new DeliveryView(d.id, d.contractId, d.packs, d.serialFrom, d.serialTo, d.deliveredOn, d.week, d.confirmedBy);
    }

    private static void requireBody(Object body) {
        if (body == null) {
            throw ProblemException.badRequest("(body)", "the contract terms are required");
        }
    }
}
