package com.busanev.production.kpi;

import com.busanev.events.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/v1")
@Tag(name = "Schedule and KPIs", description = "The build schedule of the Busan line and the plant's volume, quality and CO2 figures")
@Produces(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class PlantReportResource {
    private final PlantReports reports;
    private final PlantTrends trends;

    PlantReportResource(PlantReports reports, PlantTrends trends) {
        this.reports = reports;
        this.trends = trends;
    }

    @GET
    @Path("/schedule")
    @RolesAllowed({Roles.PLANT_PLANNER, Roles.PLANT_FLOOR, Roles.VIEWER})
    @WithSession
    @Operation(operationId = "getSchedule",
            summary = "Slots per day with the model mix and utilisation (at most 366 days)")
    @APIResponse(responseCode = "200", description = "One row per plant day from 'from' to 'to'")
    @APIResponse(responseCode = "400", description = "from or to missing or not a date, to before from, more than 366 days")
    public Uni<List<PlantReports.ScheduleDay>> schedule(
            @Parameter(required = true, description = "First plant day, ISO date") @QueryParam("from") LocalDate from,
            @Parameter(required = true, description = "Last plant day, ISO date") @QueryParam("to") LocalDate to) {
        return reports.schedule(from, to);
    }

    @GET
    @Path("/kpis")
    @RolesAllowed({Roles.PLANT_PLANNER, Roles.VIEWER})
    @WithSession
    @Operation(operationId = "getKpis",
            summary = "Volume, utilisation, EV share, defects per 100 vehicles, CO2 per vehicle, blocked orders by reason",
            description = "Plan figures by planned day; built cars, defects and CO2 by the plant day they were completed on.")
    @APIResponse(responseCode = "200", description = "The figures of the period")
    @APIResponse(responseCode = "400", description = "from or to missing or not a date, to before from, more than 366 days")
    public Uni<PlantReports.Kpis> kpis(
            @Parameter(required = true, description = "First plant day, ISO date") @QueryParam("from") LocalDate from,
            @Parameter(required = true, description = "Last plant day, ISO date") @QueryParam("to") LocalDate to) {
        return reports.kpis(from, to);
    }

    @GET
    @Path("/kpis/daily")
    @RolesAllowed({Roles.PLANT_PLANNER, Roles.VIEWER})
    @WithSession
    @Operation(operationId = "dailyKpis", summary = "The KPIs day by day: utilisation, defects per 100 vehicles, CO2 per vehicle and its target",
            description = "One row per plant day of the range, for charts. Slots used of capacity and utilisation by "
                    + "planned day; built cars, defects per 100 vehicles and CO2 per vehicle by the plant day they were "
                    + "completed on (null on a day without a car); co2TargetKg is the day's point on the straight line from "
                    + "the baseline (production.co2.baseline-kg-per-vehicle in baseline-year) to -50% by 2030.")
    @APIResponse(responseCode = "200", description = "One row per plant day from 'from' to 'to'")
    @APIResponse(responseCode = "400", description = "from or to missing or not a date, to before from, more than 366 days")
    public Uni<List<PlantTrends.KpiDay>> dailyKpis(
            @Parameter(required = true, description = "First plant day, ISO date") @QueryParam("from") LocalDate from,
            @Parameter(required = true, description = "Last plant day, ISO date") @QueryParam("to") LocalDate to) {
        return trends.daily(from, to);
    }

    @GET
    @Path("/pack-budgets")
    @RolesAllowed({Roles.PLANT_PLANNER, Roles.PLANT_FLOOR, Roles.VIEWER})
    @WithSession
    @Operation(operationId = "listPackUse", summary = "Battery packs used of each week's budget, per region",
            description = "Every ISO week the range touches, each region with a budget (PacksAllocated from "
                    + "supplier-service) or a build holding a slot that week (scheduled, in production or built): budget "
                    + "and used side by side, weeks in order.")
    @APIResponse(responseCode = "200", description = "One row per ISO week and region of the period")
    @APIResponse(responseCode = "400", description = "from or to missing or not a date, to before from, more than 366 days")
    public Uni<List<PlantTrends.PackUse>> packUse(
            @Parameter(required = true, description = "First plant day, ISO date") @QueryParam("from") LocalDate from,
            @Parameter(required = true, description = "Last plant day, ISO date") @QueryParam("to") LocalDate to) {
        return trends.packs(from, to);
    }
}
