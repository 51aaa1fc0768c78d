package com.busanev.order.promise;

import com.busanev.events.IsoWeek;
import com.busanev.events.Markets;
import com.busanev.events.Roles;
import com.busanev.kit.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** A delivery promise without an order. */
@Path("/api/v1/orders/quote")
@Tag(name = "Orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class QuoteResource {
    private final PromiseModel model;

    QuoteResource(PromiseModel model) {
        this.model = model;
    }

    @POST
    @RolesAllowed({Roles.BRAND_ORDERS, Roles.VIEWER})
    @Operation(operationId = "quoteDelivery", summary = "The build week and delivery window an order would get now",
            description = "Answers from the same promise model as order entry (the plant's latest availability per "
                    + "week and region, after its blocked backlog, and the sailings logistics announced), for one car "
                    + "or a quantity, without placing anything or taking the room. An estimate, not a reservation.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Quote.class)))
    @APIResponse(responseCode = "400", description = "A market not served, a quantity out of 1..1000, a week that is no ISO week")
    public Quote quote(@Valid @NotNull QuoteRequest request) {
        var region = Markets.regionOf(request.market()).orElseThrow(() -> ProblemException.badRequest("market",
                "the Polestar 4 from Busan is sold in US, CA, KR and EU countries"));
        if (request.requestedWeek() != null) {
            try {
                IsoWeek.parse(request.requestedWeek());
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("requestedWeek", "is not a week of that year");
            }
        }
        return new Quote(request.market(), region, request.quantityOrDefault(),
                model.quote(request.market(), request.requestedWeek(), request.quantityOrDefault()), model.basedOn(region));
    }
}
