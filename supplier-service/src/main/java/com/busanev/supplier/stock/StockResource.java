package com.busanev.supplier.stock;

import com.busanev.events.Region;
import com.busanev.events.Roles;
import com.busanev.kit.idempotency.IdempotencyKeys;
import com.busanev.kit.paging.ListFilter;
import com.busanev.kit.paging.Page;
import com.busanev.kit.paging.PageParams;
import com.busanev.kit.problem.ProblemException;
import com.busanev.kit.security.Caller;
import com.busanev.supplier.allocation.SourcingRules;
import com.busanev.supplier.allocation.SupplyPlanner;
import com.busanev.supplier.contract.Contract;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Receipts of shipping notices, pack stock, and the genealogy of every pack: VIN -> pack -> delivery -> contract and
 * back (recall). Procurement, viewers and plant planners see every supplier's packs; a battery supplier only its own.
 */
@Path("/api/v1")
@Tag(name = "Stock and genealogy", description = "Pack receipts, stock, and which pack is in which car")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PROCUREMENT, Roles.VIEWER, Roles.PLANT_PLANNER, Roles.BATTERY_SUPPLIER})
@APIResponse(responseCode = "401", description = "No valid token")
@APIResponse(responseCode = "403", description = "The token's roles do not allow this")
@Cancellable(false)
public class StockResource {
    /** A car built with a pack of the delivery. */
    public record VinView(String vin, String serial, UUID orderId, String market, Instant consumedAt) {
    }

    private final Shipments shipments;
    private final Genealogy genealogy;
    private final SupplyPlanner planner;
    private final SourcingRules rules;
    private final StockConfig config;
    private final IdempotencyKeys idempotencyKeys;
    private final Caller caller;

    StockResource(Shipments shipments, Genealogy genealogy, SupplyPlanner planner,
            SourcingRules rules, StockConfig config, IdempotencyKeys idempotencyKeys, Caller caller) {
        this.shipments = shipments;
        this.genealogy = genealogy;
        this.planner = planner;
        this.rules = rules;
        this.config = config;
        this.idempotencyKeys = idempotencyKeys;
        this.caller = caller;
    }

    @POST
    @Path("/deliveries/{id}/receipts")
    @RolesAllowed({Roles.PROCUREMENT, Roles.BATTERY_SUPPLIER})
    @Operation(operationId = "receiveShipment", summary = "Receive packs of a shipping notice",
            description = "Without 'ranges' and 'serials' every pack of the notice still in transit arrived (a full "
            + "receipt); with them, only those (a partial receipt). The packs become stock and are announced to the "
            + "plant (PacksReceived), whose floor may then build them in. 'closing' ends the notice: what has not "
            + "arrived is MISSING and no longer counted as inbound. A serial not on the notice is 400, one received "
            + "already 409. Idempotency-Key makes a retry return the first answer.")
    @APIResponse(responseCode = "200", description = "The notice after the receipt",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "400", description = "Invalid receipt, with every violation")
    @APIResponse(responseCode = "404", description = "No such delivery, or another supplier's")
    @APIResponse(responseCode = "409", description = "The notice is received or closed, or a serial was received already")
    public Uni<Response> receive(@PathParam("id") UUID id,
            @HeaderParam(IdempotencyKeys.HEADER) @Parameter(description = "Makes retries safe") String key,
            @Valid ReceiptRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("(body)", "a receipt is required");
        }
        return Panache.withTransaction(() -> genealogy.visibleDelivery(id, caller.supplierScope())
                        .chain(asn -> idempotencyKeys.once(key, "receipts:" + asn.id, request, DeliveryView.class, 200,
                                () -> Contract.<Contract>findById(asn.contractId)
                                        .chain(contract -> shipments.receive(asn, contract, request))
                                        .call(ignored -> planner.horizonAndDemandWeeks().chain(planner::recompute))
                                        .map(DeliveryView::of))))
                .map(result -> Response.status(result.status()).entity(result.body())
                        .header(IdempotencyKeys.REPLAYED_HEADER, result.replayed()).build());
    }

    @GET
    @Path("/deliveries/{id}")
    @WithSession
    @Operation(operationId = "getDelivery", summary = "A delivery (shipping notice): packs shipped and received, status")
    @APIResponse(responseCode = "200", description = "The delivery",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No such delivery, or another supplier's")
    public Uni<DeliveryView> delivery(@PathParam("id") UUID id) {
        return genealogy.visibleDelivery(id, caller.supplierScope()).map(DeliveryView::of);
    }

    @GET
    @Path("/deliveries/{id}/vins")
    @WithSession
    @Operation(operationId = "listDeliveryVins", summary = "Recall: the cars built with packs of a delivery",
            description = "Every VIN carrying a pack of the delivery, by pack serial, with its order and market.")
    @APIResponse(responseCode = "200", description = "One page, with the total")
    @APIResponse(responseCode = "404", description = "No such delivery, or another supplier's")
    public Uni<Page<VinView>> vins(@PathParam("id") UUID id, @Valid @BeanParam PageParams page) {
        return genealogy.visibleDelivery(id, caller.supplierScope()).chain(delivery -> {
            var found = Pack.<Pack>find("deliveryId = ?1 and status = ?2", Sort.ascending("serial"), delivery.id,
                    PackStatus.CONSUMED).page(page.page, page.size);
            return found.list().chain(packs -> found.count().map(total -> Page.of(packs.stream()
                    .map(p -> new VinView(p.vin, p.serial, p.orderId, p.market, p.consumedAt)).toList(), page, total)));
        });
    }

    @GET
    @Path("/packs/{serial}")
    @WithSession
    @Operation(operationId = "getPack", summary = "A pack's genealogy: supplier, delivery, contract terms, and its car",
            description = "The cell origin, chemistry, capacity and declared footprint are those of the contract "
            + "version the pack was received under; once built in, the VIN, order and market.")
    @APIResponse(responseCode = "200", description = "The pack",
            content = @Content(schema = @Schema(implementation = PackView.class)))
    @APIResponse(responseCode = "404", description = "No such pack, or another supplier's")
    public Uni<PackView> pack(@PathParam("serial") String serial) {
        return genealogy.visible(serial, caller.supplierScope()).chain(p -> genealogy.views(List.of(p))).map(views -> views.get(0));
    }

    @GET
    @Path("/packs")
    @WithSession
    @Operation(operationId = "listPacks", summary = "Packs by VIN, order, delivery, status or supplier, in serial order",
            description = "GET /api/v1/packs?vin=... is the way from a car to its pack. A battery supplier lists only "
            + "its own packs, whatever 'supplier' says.")
    @APIResponse(responseCode = "200", description = "One page, with the total")
    @APIResponse(responseCode = "400", description = "A page, size or filter value that cannot be used")
    public Uni<Page<PackView>> packs(@QueryParam("vin") String vin, @QueryParam("orderId") UUID orderId,
            @QueryParam("delivery") UUID delivery, @QueryParam("status") PackStatus status,
            @QueryParam("supplier") String supplier, @Valid @BeanParam PageParams page) {
        ListFilter filter = ListFilter.all()
                .and("supplierCode = :supplier", "supplier", caller.supplierScope().orElse(supplier))
                .and("vin = :vin", "vin", vin)
                .and("orderId = :orderId", "orderId", orderId)
                .and("deliveryId = :delivery", "delivery", delivery)
                .and("status = :status", "status", status);
        var found = Pack.<Pack>find(filter.query(), Sort.ascending("serial"), filter.parameters())
                .page(page.page, page.size);
        return found.list().chain(genealogy::views).chain(views -> found.count().map(total -> Page.of(views, page, total)));
    }

    @GET
    @Path("/stock")
    @WithSession
    @Operation(operationId = "getStock", summary = "Pack stock now, per contract (supplier and pack spec) and per region",
            description = "Per contract the packs in transit (confirmed inbound), on hand, built in and missing; per "
            + "region the packs on hand and in transit that any of its cars may take (its strictest sourcing rule), "
            + "its safety stock (supplier.stock.safety-stock.*) and whether it is below. A battery supplier sees its "
            + "own contracts only. The week-by-week projection is GET /api/v1/coverage.")
    @APIResponse(responseCode = "200", description = "The stock",
            content = @Content(schema = @Schema(implementation = StockView.class)))
    public Uni<StockView> stock() {
        Optional<String> own = caller.supplierScope();
        return (own.isPresent() ? Contract.<Contract>list("supplierCode", Sort.ascending("id"), own.get())
                        : Contract.<Contract>listAll(Sort.ascending("supplierCode", "id")))
                .chain(visible -> Panache.getSession()
                        .chain(s -> s.createNativeQuery(PackTally.BY_STATUS, Object[].class).getResultList())
                        .map(rows -> stockOf(visible, rows)));
    }

    private StockView stockOf(List<Contract> visible, List<Object[]> rows) {
        Map<String, Map<PackStatus, Integer>> counts = new HashMap<>();
        rows.forEach(row -> counts.computeIfAbsent((String) row[0], c -> new HashMap<>())
                .put(PackStatus.valueOf((String) row[1]), ((Number) row[2]).intValue()));
        List<StockView.ContractStock> byContract = new ArrayList<>();
        for (Contract c : visible) {
            Map<PackStatus, Integer> of = counts.getOrDefault(c.id.toString(), Map.of());
            byContract.add(new StockView.ContractStock(c.id, c.supplierCode, c.capacityKwh, c.chemistry, c.cellOrigin,
                    of.getOrDefault(PackStatus.IN_TRANSIT, 0), of.getOrDefault(PackStatus.RECEIVED, 0),
                    of.getOrDefault(PackStatus.CONSUMED, 0), of.getOrDefault(PackStatus.MISSING, 0)));
        }
        List<StockView.RegionStock> byRegion = new ArrayList<>();
        for (Region region : Region.values()) {
            int onHand = 0;
            int inTransit = 0;
            for (int i = 0; i < visible.size(); i++) {
                Contract c = visible.get(i);
                if (rules.strictest(region).allows(c.cellOrigin, c.carbonKgPerKwh)) {
                    onHand += byContract.get(i).onHand();
                    inTransit += byContract.get(i).inTransit();
                }
            }
            int safety = config.safetyStock(region);
            byRegion.add(new StockView.RegionStock(region, onHand, inTransit, safety, onHand < safety));
        }
        return new StockView(byContract, byRegion);
    }
}
