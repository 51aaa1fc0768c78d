package com.busanev.supplier.passport;

import com.busanev.kit.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * Battery passports by pack serial, at a path outside the versioned API: the address a pack's QR code carries must
 * stay valid for the battery's life, whatever becomes of {@code /api/v1}. Anyone may read the public part without a
 * token; a token widens it ({@link AccessLevel}).
 */
@Path("/passports/{serial}")
@Tag(name = "Battery passports", description = "EU battery passports (Regulation 2023/1542 Art. 77, Annex XIII) per pack")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
// without a token, or with one (which widens what is shown): both alternatives, for the callers and the lint
@SecurityRequirementsSet
@SecurityRequirementsSet(@SecurityRequirement(name = "SecurityScheme"))
@Cancellable(false)
public class PassportResource {
    private final Passports passports;
    private final Caller caller;

    PassportResource(Passports passports, Caller caller) {
        this.passports = passports;
        this.caller = caller;
    }

    @GET
    @WithSession
    @Operation(operationId = "getBatteryPassport", summary = "A pack's battery passport",
            description = "The passport of the pack (any pack the plant knows: in transit, in stock, built in) in the "
            + "Battery Pass data model's sections. Without a token the public part (Annex XIII point 1); with the "
            + "battery-authority role also the restricted part (point 2: detailed composition, origins, dismantling, "
            + "spare parts, safety); procurement, viewers, the pack's supplier and the brand of its car read everything, "
            + "with the contract, delivery and car. 'access' asks for less than the caller may read; asking for more is "
            + "401 without a token, else 403. ETag is the version and access level; each change of the passport's data "
            + "is a new version (GET .../versions).")
    @APIResponse(responseCode = "200", description = "The passport",
            content = @Content(schema = @Schema(implementation = BatteryPassport.class)))
    @APIResponse(responseCode = "401", description = "A token that is not valid, or none for more than the public part")
    @APIResponse(responseCode = "403", description = "An access level above the caller's")
    @APIResponse(responseCode = "404", description = "No such pack")
    public Uni<Response> get(@PathParam("serial") String serial,
            @QueryParam("access") @Parameter(description = "The access level wanted; default the caller's highest")
            AccessLevel wanted) {
        return passports.pack(serial).chain(pack -> {
            AccessLevel allowed = AccessLevel.of(caller, pack);
            if (wanted != null && !allowed.includes(wanted)) {
                return Uni.createFrom().failure(caller.anonymous() ? new UnauthorizedException()
                        : new ForbiddenException("The caller may read the " + allowed + " part only."));
            }
            return passports.document(pack, wanted != null ? wanted : allowed);
        }).map(passport -> Response.ok(passport).tag(passport.version() + "-" + passport.accessLevel())
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION).build());
    }

    @GET
    @Path("/versions")
    @WithSession
    @Operation(operationId = "listBatteryPassportVersions", summary = "Every version of a pack's battery passport",
            description = "Newest first: when and why it changed (SHIPPED: its shipping notice; BUILT: built into a "
            + "car; AMENDED: its contract's facts amended before the car left), the contract version whose facts it "
            + "shows, and whether they were complete. Public, like the passport.")
    @APIResponse(responseCode = "200", description = "The versions, newest first")
    @APIResponse(responseCode = "404", description = "No such pack")
    public Uni<List<Passports.VersionView>> versions(@PathParam("serial") String serial) {
        return passports.pack(serial).chain(passports::versions);
    }
}
