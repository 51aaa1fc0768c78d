package com.busanev.supplier.calloff;

import com.busanev.events.Region;
import com.busanev.events.Roles;
import com.busanev.kit.paging.ListFilter;
import com.busanev.kit.problem.ProblemException;
import com.busanev.kit.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/v1/call-offs")
@Tag(name = "Call-offs", description = "Battery packs to deliver in line sequence, per frozen production day")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PROCUREMENT, Roles.VIEWER, Roles.BATTERY_SUPPLIER})
@Cancellable(false)
public class CallOffResource {
    /** At most this many days a request: a day holds at most a day's builds, so an answer stays bounded. */
    static final int MAX_DAYS = 14;

    /** A pack to deliver: the build's position among the day's Polestar builds in line order. */
    public record Position(int position, UUID orderId, Region region, String supplier) {
    }

    /** A frozen day's packs in line order. */
    public record CallOffDay(LocalDate day, Instant frozenAt, List<Position> positions) {
    }

    private final Caller caller;

    CallOffResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @WithSession
    @Operation(operationId = "listCallOffs", summary = "The packs to deliver in line order, per frozen day",
            description = "The days from 'from' on whose line sequence is frozen, each with its Polestar builds in "
                    + "line order and the supplier of each build's pack (the week's allocation for the build's region, "
                    + "split among its suppliers in proportion to their packs). A battery supplier reads only its own "
                    + "positions (token claim 'supplier'), whatever the supplier filter says; procurement and viewers "
                    + "read all, UNALLOCATED for a build whose pack no allocation covers. Days with no positions to "
                    + "show are left out.")
    @APIResponse(responseCode = "200", description = "The frozen days in order, positions in line order")
    @APIResponse(responseCode = "400", description = "from missing or not a date, days outside 1 to " + MAX_DAYS)
    public Uni<List<CallOffDay>> list(
            @Parameter(required = true, description = "First production day, ISO date") @QueryParam("from") LocalDate from,
            @Parameter(description = "Days from 'from' on, 1 to " + MAX_DAYS) @QueryParam("days") @DefaultValue("7") int days,
            @Parameter(description = "Only this supplier's positions (procurement and viewers)") @QueryParam("supplier") String supplier) {
        if (from == null) {
            throw ProblemException.badRequest("from", "is required, an ISO date");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw ProblemException.badRequest("days", "must be between 1 and " + MAX_DAYS);
        }
        ListFilter filter = ListFilter.all()
                .and("day >= :from", "from", from)
                .and("day < :to", "to", from.plusDays(days))
                .and("supplier = :supplier", "supplier", ownSupplier(supplier));
        return CallOffLine.<CallOffLine>list(filter.query(), Sort.ascending("day", "position"), filter.parameters())
                .map(CallOffResource::byDay);
    }

    /** A battery supplier's own code whatever it asked for; for procurement and viewers, the filter (or none). */
    private String ownSupplier(String filter) {
        return caller.supplierScope().orElse(filter);
    }

    private static List<CallOffDay> byDay(List<CallOffLine> lines) {
        Map<LocalDate, CallOffDay> days = new LinkedHashMap<>();
        for (CallOffLine line : lines) {
            days.computeIfAbsent(line.day, day -> new CallOffDay(day, line.frozenAt, new ArrayList<>()))
                    .positions().add(new Position(line.position, line.orderId, line.region, line.supplier));
        }
        return List.copyOf(days.values());
    }
}
