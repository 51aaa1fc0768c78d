package com.busanev.supplier.alert;

import com.busanev.events.IsoWeek;
import com.busanev.events.Region;
import com.busanev.events.Roles;
import com.busanev.kit.paging.ListFilter;
import com.busanev.kit.paging.Page;
import com.busanev.kit.paging.PageParams;
import com.busanev.supplier.allocation.SupplyPlanner;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/v1")
@Tag(name = "Coverage and alerts", description = "Battery supply against demand and the EV plan")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PROCUREMENT, Roles.VIEWER})
@Cancellable(false)
public class CoverageResource {
    /**
     * A shortage as partners see it; {@code kind} says whether demand, the EV plan or a supplier's firm call-off is not
     * covered. A CALL_OFF alert also names the contract, its supplier and the orders at risk (demand: packs called off,
     * supply: packs received or due on notices that week).
     */
    public record AlertView(UUID id, ShortageAlertRecord.Kind kind, String week, Region region, int demand, int supply,
            int gap, Severity severity, String detail, ShortageAlertRecord.Status status, Instant raisedAt,
            Instant resolvedAt, UUID contractId, String supplier, List<UUID> ordersAtRisk) {
        static AlertView of(ShortageAlertRecord a) {
            return new AlertView(a.id, a.kind, a.week, a.region, a.demand, a.supply, a.gap, a.severity, a.detail,
                    a.status, a.raisedAt, a.resolvedAt, a.contractId, a.supplier, a.orders());
        }
    }

    private final SupplyPlanner planner;

    CoverageResource(SupplyPlanner planner) {
        this.planner = planner;
    }

    @GET
    @Path("/coverage")
    @WithSession
    @Operation(operationId = "getCoverage",
            summary = "Per week and region: demand, compliant supply, allocated, gap, the plan's gap, and stock",
            description = "From the current ISO week on. Compliant supply counts every pack the region's sourcing rule "
                    + "of the week allows, before other regions take their share; allocated is what PacksAllocated "
                    + "announced; planCovered is the part of the plan the week's supply covers, each pack counted for "
                    + "one region only, and planGap the rest. The stock the rule allows: openingStock (on hand at the "
                    + "week's start, carried over), inbound (due on shipping notices), forecast (commitments counted "
                    + "beyond the confirmed weeks), closingStock (left after the week's demand), the region's "
                    + "safetyStock, weeksOfStock (opening stock and inbound over the average weekly demand, or the "
                    + "weekly plan without demand) and runsDryWeek (the first week of the range with demand not "
                    + "covered or closing stock below the safety stock; null if none).")
    @APIResponse(responseCode = "200", description = "Three rows (NA, EU, KR) per week")
    @APIResponse(responseCode = "400", description = "weeks outside 1 to 104")
    public Uni<List<SupplyPlanner.WeekCoverage>> coverage(@Parameter(description = "Weeks ahead, 1 to 104")
            @QueryParam("weeks") @DefaultValue("12") @Min(1) @Max(104) int weeks) {
        return planner.coverage(weeks);
    }

    @GET
    @Path("/alerts")
    @WithSession
    @Operation(operationId = "listAlerts", summary = "Shortage alerts, newest first, by status, region, week and kind")
    @APIResponse(responseCode = "200", description = "One page, with the total")
    @APIResponse(responseCode = "400", description = "A page, size or filter value that cannot be used")
    public Uni<Page<AlertView>> alerts(@QueryParam("status") ShortageAlertRecord.Status status,
            @QueryParam("kind") ShortageAlertRecord.Kind kind,
            @QueryParam("region") Region region,
            @Parameter(description = "ISO week, e.g. 2027-W05") @QueryParam("week") IsoWeek week,
            @Valid @BeanParam PageParams page) {
        ListFilter filter = ListFilter.all()
                .and("status = :status", "status", status)
                .and("kind = :kind", "kind", kind)
                .and("region = :region", "region", region)
                .and("week = :week", "week", week == null ? null : week.toString()); // stored as text, e.g. 2027-W05
        var found = ShortageAlertRecord.<ShortageAlertRecord>find(filter.query(),
                Sort.descending("raisedAt").and("week").and("region"), filter.parameters()).page(page.page, page.size);
        return found.list().chain(list -> found.count()
                .map(total -> Page.of(list.stream().map(AlertView::of).toList(), page, total)));
    }
}
