package com.busanev.supplier.contract;

import com.busanev.events.Roles;
import com.busanev.kit.concurrency.IfMatch;
import com.busanev.kit.idempotency.IdempotencyKeys;
import com.busanev.kit.paging.ListFilter;
import com.busanev.kit.paging.Page;
import com.busanev.kit.paging.PageParams;
import com.busanev.kit.problem.ProblemException;
import com.busanev.kit.security.Caller;
import com.busanev.supplier.allocation.SupplyPlanner;
import com.busanev.supplier.passport.Passports;
import com.busanev.supplier.stock.AsnRequest;
import com.busanev.supplier.stock.Delivery;
import com.busanev.supplier.stock.DeliveryRequest;
import com.busanev.supplier.stock.DeliveryView;
import com.busanev.supplier.stock.Shipments;
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
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/v1/contracts")
@Tag(name = "Contracts", description = "Battery supply contracts, their amendments and deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class ContractResource {
    public record VersionView(int version, ContractTerms terms, String changedBy, Instant changedAt) {
    }

    private final Contracts contracts;
    private final Shipments shipments;
    private final SupplyPlanner planner;
    private final IdempotencyKeys idempotencyKeys;
    private final Passports passports;
    private final Caller caller;

    ContractResource(Contracts contracts, Shipments shipments, SupplyPlanner planner, IdempotencyKeys idempotencyKeys,
            Passports passports, Caller caller) {
        this.contracts = contracts;
        this.shipments = shipments;
        this.planner = planner;
        this.idempotencyKeys = idempotencyKeys;
        this.passports = passports;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PROCUREMENT)
    @Operation(operationId = "addContract",
            summary = "Add a contract", description = "An ACTIVE contract's supply is allocated at once. With an "
            + "Idempotency-Key, a retry with the same body returns the first contract (header Idempotency-Replayed: "
            + "true); the same key with another body is refused with 422.")
    @APIResponse(responseCode = "201", description = "Added as version 1; ETag is the version",
            content = @Content(schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "400", description = "Invalid terms, with every violation")
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
    @Operation(operationId = "listContracts",
            summary = "Contracts, filtered by supplier and status", description = "A battery supplier lists only "
            + "its own (token claim 'supplier'), whatever the supplier filter says.")
    @APIResponse(responseCode = "200", description = "One page, with the total")
    @APIResponse(responseCode = "400", description = "A page, size or filter value that cannot be used")
    public Uni<Page<ContractView>> list(@QueryParam("supplier") String supplier, @QueryParam("status") ContractStatus status,
            @Valid @BeanParam PageParams page) {
        ListFilter filter = ListFilter.all()
                .and("supplierCode = :supplier", "supplier", caller.supplierScope().orElse(supplier))
                .and("status = :status", "status", status);
        var found = Contract.<Contract>find(filter.query(), Sort.ascending("supplierCode", "validFrom", "id"),
                filter.parameters()).page(page.page, page.size);
        return found.list().chain(list -> found.count()
                .map(total -> Page.of(list.stream().map(ContractView::of).toList(), page, total)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PROCUREMENT, Roles.VIEWER, Roles.BATTERY_SUPPLIER})
    @WithSession
    @Operation(operationId = "getContract", summary = "A contract in its current version; ETag is the version")
    @APIResponse(responseCode = "200", description = "The contract",
            content = @Content(schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "404", description = "No such contract, or another supplier's")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return contracts.visible(id, caller.supplierScope())
                .map(c -> Response.ok(ContractView.of(c)).tag(String.valueOf(c.version)).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.PROCUREMENT, Roles.BATTERY_SUPPLIER})
    @Operation(operationId = "amendContract",
            summary = "Amend a contract", description = "Replaces the terms as a new version; every version is "
            + "kept. Needs If-Match with the version amended. The supplier of a contract never changes. A battery "
            + "supplier may amend its own contract's pack facts (spec, origins, carbon declaration, battery passport "
            + "facts) only. Allocation is recomputed at once; a change of what the battery passports show is a new "
            + "passport version of every pack not shipped in a car, announced again for the built ones.")
    @APIResponse(responseCode = "200", description = "The new version; ETag is its number",
            content = @Content(schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "400", description = "Invalid terms or If-Match")
    @APIResponse(responseCode = "404", description = "No such contract, or another supplier's")
    @APIResponse(responseCode = "412", description = "If-Match is not the current version: reload and amend again")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Uni<Response> amend(@PathParam("id") UUID id,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = "Version amended (ETag of the GET)", required = true) String ifMatch,
            @Valid ContractTerms terms) {
        requireBody(terms, "the contract terms are required");
        int expected = IfMatch.version(ifMatch, "contract");
        Optional<String> own = caller.supplierScope();
        return Panache.withTransaction(() -> contracts.visible(id, own)
                        .chain(c -> {
                            ContractTerms before = c.terms();
                            return contracts.amend(c, terms, expected, caller.name(), own.isPresent())
                                    .call(amended -> passports.amended(amended, before));
                        })
                        .call(this::reallocate))
                .map(c -> Response.ok(ContractView.of(c)).tag(String.valueOf(c.version)).build());
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({Roles.PROCUREMENT, Roles.VIEWER, Roles.BATTERY_SUPPLIER})
    @WithSession
    @Operation(operationId = "listContractVersions",
            summary = "Every version of the contract, newest first: who changed the terms, when, to what")
    @APIResponse(responseCode = "200", description = "The versions, newest first")
    @APIResponse(responseCode = "404", description = "No such contract, or another supplier's")
    public Uni<List<VersionView>> versions(@PathParam("id") UUID id) {
        return contracts.visible(id, caller.supplierScope())
                .chain(c -> ContractVersion.<ContractVersion>find("contractId", Sort.descending("version"), c.id).list())
                .map(versions -> versions.stream()
                        .map(v -> new VersionView(v.version, contracts.read(v.snapshot), v.changedBy, v.changedAt)).toList());
    }

    @POST
    @Path("/{id}/deliveries")
    @RolesAllowed({Roles.PROCUREMENT, Roles.BATTERY_SUPPLIER})
    @Operation(operationId = "confirmDelivery", summary = "Confirm packs shipped and received in one step",
            description = "A shipping notice received in full at once, for a supplier without notices: a battery "
            + "supplier confirms deliveries of its own contracts only. The serial range must hold exactly 'packs' "
            + "serials, none known already, and the date must be within the term and not in the future. The packs are "
            + "stock from that day; allocation is recomputed. Idempotency-Key makes a retry return the first delivery.")
    @APIResponse(responseCode = "201", description = "Confirmed",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "400", description = "Invalid delivery, with every violation")
    @APIResponse(responseCode = "404", description = "No such contract, or another supplier's")
    @APIResponse(responseCode = "409", description = "A draft contract, or serials already known")
    public Uni<Response> deliver(@PathParam("id") UUID id,
            @HeaderParam(IdempotencyKeys.HEADER) @Parameter(description = "Makes retries safe") String key,
            @Valid DeliveryRequest request) {
        requireBody(request, "a delivery is required");
        return ship(id, key, "deliveries:", request, c -> shipments.deliver(c, request, caller.name()));
    }

    @POST
    @Path("/{id}/asns")
    @RolesAllowed({Roles.PROCUREMENT, Roles.BATTERY_SUPPLIER})
    @Operation(operationId = "announceShipment", summary = "Send an advance shipping notice (ASN)",
            description = "The packs shipped under the contract, by serial (runs 'from'..'to' sharing a prefix, and/or "
            + "single serials), due at the plant on 'expectedOn' (within the term). Until received they are confirmed "
            + "inbound: allocation and coverage count them from their week on. Serials are unique across suppliers "
            + "(409 for one known already). Receive them with POST /api/v1/deliveries/{id}/receipts. A battery supplier "
            + "ships on its own contracts only. Idempotency-Key makes a retry return the first notice.")
    @APIResponse(responseCode = "201", description = "The notice, IN_TRANSIT",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "400", description = "Invalid notice, with every violation")
    @APIResponse(responseCode = "404", description = "No such contract, or another supplier's")
    @APIResponse(responseCode = "409", description = "A draft contract, or a serial already known")
    public Uni<Response> announce(@PathParam("id") UUID id,
            @HeaderParam(IdempotencyKeys.HEADER) @Parameter(description = "Makes retries safe") String key,
            @Valid AsnRequest request) {
        requireBody(request, "a shipping notice is required");
        return ship(id, key, "asns:", request, c -> shipments.announce(c, request, caller.name()));
    }

    /** A delivery or notice of a visible contract, once per Idempotency-Key, then the allocation from the new stock. */
    private Uni<Response> ship(UUID id, String key, String scope, Object request, Function<Contract, Uni<Delivery>> shipping) {
        return Panache.withTransaction(() -> contracts.visible(id, caller.supplierScope())
                        .chain(c -> idempotencyKeys.once(key, scope + c.id, request, DeliveryView.class, 201,
                                () -> shipping.apply(c).call(d -> reallocate(c)).map(DeliveryView::of))))
                .map(result -> Response.status(result.status()).entity(result.body())
                        .location(URI.create("/api/v1/deliveries/" + result.body().id()))
                        .header(IdempotencyKeys.REPLAYED_HEADER, result.replayed()).build());
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed({Roles.PROCUREMENT, Roles.VIEWER, Roles.BATTERY_SUPPLIER})
    @WithSession
    @Operation(operationId = "listContractDeliveries", summary = "The contract's deliveries (shipping notices), latest first")
    @APIResponse(responseCode = "200", description = "The deliveries, latest first")
    @APIResponse(responseCode = "404", description = "No such contract, or another supplier's")
    public Uni<List<DeliveryView>> deliveries(@PathParam("id") UUID id) {
        return contracts.visible(id, caller.supplierScope())
                .chain(c -> Delivery.<Delivery>find("contractId",
                        Sort.descending("expectedOn").and("createdAt", Sort.Direction.Descending), c.id).list())
                .map(list -> list.stream().map(DeliveryView::of).toList());
    }

    private Uni<Void> reallocate(Contract ignored) {
        return planner.horizonAndDemandWeeks().chain(planner::recompute);
    }

    private static void requireBody(Object body, String message) {
        if (body == null) {
            throw ProblemException.badRequest("(body)", message);
        }
    }
}
