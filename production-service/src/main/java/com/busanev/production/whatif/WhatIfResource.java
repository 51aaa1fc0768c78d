package com.busanev.production.whatif;

import com.busanev.events.Roles;
import com.busanev.kit.problem.ProblemException;
import com.busanev.kit.problem.Violation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/v1/what-if")
@Tag(name = "Supply what-if", description = "Which orders a change of battery supply would delay, per market")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class WhatIfResource {
    private final WhatIfRules rules;
    private final WhatIf whatIf;

    WhatIfResource(WhatIfRules rules, WhatIf whatIf) {
        this.rules = rules;
        this.whatIf = whatIf;
    }

    @POST
    @RolesAllowed({Roles.PLANT_PLANNER, Roles.PROCUREMENT})
    @Operation(operationId = "supplyWhatIf", summary = "What a change of battery supply would do to the plan",
            description = "Applies hypothetical changes (SUPPLIER_CUT: a supplier delivers percent % less from a week; "
                    + "CONTRACT_ENDS: a supplier delivers nothing after a week; NEW_SUPPLIER: more packs a week for a "
                    + "region) to a copy of the current plan's pack allocations and re-plans the copy with the "
                    + "planner's rules: per market, the orders that would slip (with their old and new planned dates "
                    + "and the days), become blocked, or get a day. The real plan is not changed, nothing is "
                    + "published, no planning lock is held; every invalid field is named in one 400.")
    @APIResponse(responseCode = "200", description = "Per market, the orders that would slip, become blocked or get a day",
            content = @Content(schema = @Schema(implementation = WhatIfAnswer.class)))
    @APIResponse(responseCode = "400", description = "a change with an unknown type, a bad week, a percent outside "
            + "0..100, an unknown field: each named")
    public Uni<WhatIfAnswer> whatIf(
            @Parameter(description = "Orders listed at most per list and market (the counts are complete)")
            @QueryParam("limit") @DefaultValue("100") @Min(0) @Max(1000) int limit,
            WhatIfRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("(body)", "the changes are required");
        }
        List<Violation> violations = rules.violations(request);
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("The request has " + violations.size() + " invalid value(s).", violations);
        }
        return whatIf.answer(request.changes(), limit);
    }
}
