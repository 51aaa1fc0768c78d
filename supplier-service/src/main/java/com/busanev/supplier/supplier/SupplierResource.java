package com.busanev.supplier.supplier;

import com.busanev.events.Roles;
import com.busanev.kit.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/v1/suppliers")
@Tag(name = "Suppliers", description = "Battery suppliers and the codes contracts name them by")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class SupplierResource {
    public record SupplierView(String code, String name, String country) {
    }

    public record NewSupplier(@NotBlank @Pattern(regexp = "[A-Z0-9]{2,10}") String code, @NotBlank String name,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code") String country) {
    }

    @GET
    @Authenticated
    @WithSession
    @Operation(operationId = "listSuppliers",
            summary = "Battery suppliers and their codes", description = "The code is what contracts and the "
            + "'supplier' claim of a battery supplier's token refer to.")
    public Uni<List<SupplierView>> list() {
        return Supplier.<Supplier>listAll(Sort.ascending("code"))
                .map(all -> all.stream().map(s -> new SupplierView(s.code, s.name, s.country)).toList());
    }

    @POST
    @RolesAllowed(Roles.PROCUREMENT)
    @WithTransaction
    @Operation(operationId = "addSupplier", summary = "Add a supplier")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = SupplierView.class)))
    @APIResponse(responseCode = "400", description = "Invalid code, name or country")
    @APIResponse(responseCode = "409", description = "The code is taken")
    public Uni<Response> add(@Valid NewSupplier request) {
        return Supplier.<Supplier>findById(request.code()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(ProblemException.conflict("Supplier " + request.code() + " exists already."));
            }
            Supplier supplier = new Supplier();
            supplier.code = request.code();
            supplier.name = request.name();
            supplier.country = request.country();
            return supplier.persist().map(s -> Response.status(201)
                    .entity(new SupplierView(supplier.code, supplier.name, supplier.country)).build());
        });
    }
}
