package com.busanev.production.calendar;

import com.busanev.events.Roles;
import com.busanev.kit.concurrency.IfMatch;
import com.busanev.kit.security.Caller;
import com.busanev.production.plan.Planner;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/v1/calendar")
@Tag(name = "Plant calendar", description = "Working days, shifts, holidays, downtime and capacity sharing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class CalendarResource {
    private final Calendars calendars;
    private final Planner planner;
    private final Caller caller;

    CalendarResource(Calendars calendars, Planner planner, Caller caller) {
        this.calendars = calendars;
        this.planner = planner;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PLANT_PLANNER, Roles.VIEWER})
    @WithSession
    @Operation(operationId = "getCalendar",
            summary = "The calendar in force; its version goes back in If-Match to change it")
    public Uni<Response> get() {
        return calendars.current().map(v -> Response.ok(v.document()).tag(String.valueOf(v.version()))
                .header("Calendar-Version", v.version()).build());
    }

    @GET
    @Path("/history")
    @RolesAllowed({Roles.PLANT_PLANNER, Roles.VIEWER})
    @WithSession
    @Operation(operationId = "listCalendarVersions", summary = "Every version of the calendar: who changed it and when")
    public Uni<List<CalendarChange>> history() {
        return calendars.history().map(versions -> versions.stream()
                .map(v -> new CalendarChange(v.version(), v.document(), v.changedBy(), v.changedAt())).toList());
    }

    @PUT
    @RolesAllowed(Roles.PLANT_PLANNER)
    @Operation(operationId = "replaceCalendar",
            summary = "Replace the calendar", description = "Needs If-Match with the version read (409 if "
            + "another planner changed it meanwhile); every invalid value is reported in one 400. Builds on days that "
            + "lose capacity move with the fewest moves to the earliest feasible day from their old day on "
            + "(BuildRescheduled), or are blocked; blocked orders try again.")
    public Uni<Response> put(@HeaderParam("If-Match") @Parameter(description = "Version the change is based on", required = true) String ifMatch,
            PlantCalendar calendar) {
        int expected = IfMatch.version(ifMatch, "calendar");
        return Panache.withTransaction(() -> planner.changeCalendar(calendar, expected, caller.name()))
                .map(v -> Response.ok(v.document()).tag(String.valueOf(v.version())).header("Calendar-Version", v.version()).build());
    }
}
