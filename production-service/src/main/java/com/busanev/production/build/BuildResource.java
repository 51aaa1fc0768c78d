package com.busanev.production.build;

import com.busanev.events.Region;
import com.busanev.events.Roles;
import com.busanev.kit.paging.ListFilter;
import com.busanev.kit.paging.Page;
import com.busanev.kit.paging.PageParams;
import com.busanev.kit.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/v1/builds")
@Tag(name = "Builds", description = "Polestar 4 builds on the Busan line")
@Produces(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class BuildResource {
    private final PlantFloor floor;

    BuildResource(PlantFloor floor) {
        this.floor = floor;
    }

    @GET
    @Path("/{orderId}")
    @RolesAllowed({Roles.PLANT_PLANNER, Roles.PLANT_FLOOR, Roles.VIEWER})
    @WithSession
    @Operation(operationId = "getBuild",
            summary = "The build of an order: planned day or why it is blocked, VIN, pack, defects, CO2")
    public Uni<BuildView> get(@PathParam("orderId") UUID orderId) {
        return Build.<Build>findById(orderId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No build for order " + orderId + "."))
                .map(BuildView::of);
    }

    @GET
    @RolesAllowed({Roles.PLANT_PLANNER, Roles.PLANT_FLOOR, Roles.VIEWER})
    @WithSession
    @Operation(operationId = "listBuilds", summary = "Builds by status and region, in plan order")
    public Uni<Page<BuildView>> list(@QueryParam("status") BuildStatus status, @QueryParam("region") Region region,
            @Valid @BeanParam PageParams page) {
        ListFilter filter = ListFilter.all()
                .and("status = :status", "status", status)
                .and("region = :region", "region", region);
        var found = Build.<Build>find(filter.query(), Sort.ascending("plannedDate", "placedAt"), filter.parameters())
                .page(page.page, page.size);
        return found.list().chain(builds -> found.count()
                .map(total -> Page.of(builds.stream().map(BuildView::of).toList(), page, total)));
    }

    @POST
    @Path("/{orderId}/start")
    @RolesAllowed(Roles.PLANT_FLOOR)
    @Operation(operationId = "startBuild",
            summary = "The car entered the line", description = "Only a scheduled build starts (409 otherwise); "
            + "starting a started build again changes nothing. From now on the order cannot be cancelled.")
    public Uni<BuildView> start(@PathParam("orderId") UUID orderId) {
        return Panache.withTransaction(() -> floor.start(orderId)).map(BuildView::of);
    }

    @POST
    @Path("/{orderId}/complete")
    @RolesAllowed(Roles.PLANT_FLOOR)
    @Operation(operationId = "completeBuild",
            summary = "The car left final assembly", description = "Assigns the VIN and the battery pack and "
            + "records defects and CO2; only a started build completes (409 otherwise).")
    public Uni<BuildView> complete(@PathParam("orderId") UUID orderId, @Valid CompleteRequest report) {
        if (report == null) {
            throw ProblemException.badRequest("(body)", "the end-of-line report is required");
        }
        return Panache.withTransaction(() -> floor.complete(orderId, report)).map(BuildView::of);
    }
}
