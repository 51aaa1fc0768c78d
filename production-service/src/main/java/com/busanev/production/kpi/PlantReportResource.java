package com.busanev.production.kpi;

import com.busanev.kit.problem.Problem;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Tag(name = "Schedule and KPIs")
@Produces(MediaType.APPLICATION_JSON)
public class PlantReportResource {
    private final PlantReports reports;

    PlantReportResource(PlantReports reports) {
        this.reports = reports;
    }

    @GET
    @Path("/schedule")
    @RolesAllowed({Roles.PLANT_PLANNER, Roles.PLANT_FLOOR, Roles.VIEWER})
    @WithSession
    @Operation(summary = "Slots per day with the model mix and utilisation (at most 366 days)")
    @APIResponse(responseCode = "400", description = "from or to missing or not a date, to before from, more than 366 days", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<PlantReports.ScheduleDay>> schedule(
            @Parameter(required = true, description = "First plant day, ISO date") @QueryParam("from") LocalDate from,
            @Parameter(required = true, description = "Last plant day, ISO date") @QueryParam("to") LocalDate to) {
        return reports.schedule(from, to);
    }

    @GET
    @Path("/kpis")
    @RolesAllowed({Roles.PLANT_PLANNER, Roles.VIEWER})
    @WithSession
    @Operation(summary = "Volume, utilisation, EV share, defects per 100 vehicles, CO2 per vehicle, blocked orders by reason",
            description = "Plan figures by planned day; built cars, defects and CO2 by the plant day they were completed on.")
    @APIResponse(responseCode = "400", description = "from or to missing or not a date, to before from, more than 366 days", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PlantReports.Kpis> kpis(
            @Parameter(required = true, description = "First plant day, ISO date") @QueryParam("from") LocalDate from,
            @Parameter(required = true, description = "Last plant day, ISO date") @QueryParam("to") LocalDate to) {
        return reports.kpis(from, to);
    }
}
