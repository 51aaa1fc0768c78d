package com.busanev.supplier.alert;

import com.busanev.events.Region;
import com.busanev.kit.paging.Page;
import com.busanev.kit.paging.PageParams;
import com.busanev.kit.security.Roles;
import com.busanev.supplier.allocation.SupplyPlanner;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Tag(name = "Coverage and alerts", description = "Battery supply against demand and the EV plan")
@Produces(MediaType.APPLICATION_JSON)
public class CoverageResource {
    private final SupplyPlanner planner;

    CoverageResource(SupplyPlanner planner) {
        this.planner = planner;
    }

    @GET
    @Path("/coverage")
    @RolesAllowed({Roles.PROCUREMENT, Roles.VIEWER})
    @WithSession
    @Operation(summary = "Per week and region: demand, compliant supply, allocated, gap, and the plan's gap")
    public Uni<List<SupplyPlanner.WeekCoverage>> coverage(@QueryParam("weeks") @DefaultValue("12") @Min(1) @Max(104) int weeks) {
        return planner.coverage(weeks);
    }

    @GET
    @Path("/alerts")
    @RolesAllowed({Roles.PROCUREMENT, Roles.VIEWER})
    @WithSession
    @Operation(summary = "Shortage alerts, newest first, by status, region and week")
    public Uni<Page<ShortageAlertRecord>> alerts(@QueryParam("status") ShortageAlertRecord.Status status,
            @QueryParam("region") Region region, @QueryParam("week") String week, @Valid @BeanParam PageParams page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (region != null) {
            query.append(" and region = :region");
            parameters.and("region", region);
        }
        if (week != null) {
            query.append(" and week = :week");
            parameters.and("week", week);
        }
        var found = ShortageAlertRecord.<ShortageAlertRecord>find(query.toString(), Sort.descending("raisedAt"), parameters)
                .page(page.page, page.size);
        return found.list().chain(list -> found.count().map(total -> Page.of(list, page, total)));
    }
}
