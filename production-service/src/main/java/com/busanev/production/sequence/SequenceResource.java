package com.busanev.production.sequence;

import com.busanev.events.Roles;
import com.busanev.kit.concurrency.IfMatch;
import com.busanev.kit.problem.ProblemException;
import com.busanev.kit.problem.Violation;
import com.busanev.kit.security.Caller;
import com.busanev.production.versioned.Versioned;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/v1/sequence")
@Tag(name = "Line sequence", description = "The order cars enter the Busan line each day: rules, plant vehicles, sequences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class SequenceResource {
    private static final String RULES_VERSION = "Rules-Version";

    private final Sequencer sequencer;
    private final Rules rules;
    private final PlantVehicles plantVehicles;
    private final Caller caller;

    SequenceResource(Sequencer sequencer, Rules rules, PlantVehicles plantVehicles, Caller caller) {
        this.sequencer = sequencer;
        this.rules = rules;
        this.plantVehicles = plantVehicles;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PLANT_PLANNER, Roles.PLANT_FLOOR, Roles.VIEWER})
    @Operation(operationId = "getSequence",
            summary = "The day's sequence: positions with order id or plant vehicle, colour, options, and its counts")
    @APIResponse(responseCode = "200", description = "The day's sequence")
    @APIResponse(responseCode = "400", description = "date missing or not a date")
    @APIResponse(responseCode = "404", description = "no sequence for that day yet")
    public Uni<SequenceView> get(@Parameter(required = true, description = "Production day, ISO date") @QueryParam("date") String date) {
        LocalDate day = day("date", date);
        return sequencer.stored(day).map(sequence -> {
            if (sequence == null) {
                throw ProblemException.notFound("No sequence for " + day + " yet.");
            }
            return SequenceView.of(sequence, sequencer.cars(sequence));
        });
    }

    @POST
    @Path("/{date}/optimise")
    @RolesAllowed(Roles.PLANT_PLANNER)
    @Operation(operationId = "optimiseSequence",
            summary = "Sequence the day again now", description = "Runs the local search for the configured time on "
            + "the day's builds and plant vehicles; a frozen day is returned as it is, a day in the frozen horizon is frozen.")
    @APIResponse(responseCode = "200", description = "The day's new (or frozen) sequence")
    @APIResponse(responseCode = "400", description = "not a date")
    public Uni<SequenceView> optimise(@PathParam("date") String date) {
        return sequencer.refresh(day("date", date), true).map(sequence -> SequenceView.of(sequence, sequencer.cars(sequence)));
    }

    @GET
    @Path("/rules")
    @RolesAllowed({Roles.PLANT_PLANNER, Roles.VIEWER})
    @WithSession
    @Operation(operationId = "getSequenceRules",
            summary = "The sequencing rules in force; their version goes back in If-Match to change them")
    @APIResponse(responseCode = "200", description = "the rules; ETag and Rules-Version give their version", content = @Content(schema = @Schema(implementation = SequencingRules.class)))
    public Uni<Response> rules() {
        return rules.current().map(SequenceResource::versioned);
    }

    @PUT
    @Path("/rules")
    @RolesAllowed(Roles.PLANT_PLANNER)
    @Operation(operationId = "replaceSequenceRules",
            summary = "Replace the sequencing rules", description = "Needs If-Match with the version read (409 if "
            + "another planner changed them meanwhile); every invalid value is reported in one 400. Open days are "
            + "sequenced again by the next refresh; frozen days keep their sequence.")
    @APIResponse(responseCode = "200", description = "the new rules; ETag and Rules-Version give their version", content = @Content(schema = @Schema(implementation = SequencingRules.class)))
    @APIResponse(responseCode = "400", description = "an invalid rule (N > P, unknown field, ...), each named")
    @APIResponse(responseCode = "409", description = "the rules changed since the version in If-Match")
    public Uni<Response> replaceRules(@HeaderParam(IfMatch.HEADER) @Parameter(description = "Version the change is based on", required = true) String ifMatch,
            SequencingRules body) {
        int expected = IfMatch.version(ifMatch, "rules");
        return Panache.withTransaction(() -> rules.replace(body, expected, caller.name())).map(SequenceResource::versioned);
    }

    @GET
    @Path("/{date}/plant-vehicles")
    @RolesAllowed({Roles.PLANT_PLANNER, Roles.VIEWER})
    @WithSession
    @Operation(operationId = "listPlantVehicles", summary = "The plant's own vehicles of the day")
    public Uni<List<PlantVehicle>> plantVehicles(@PathParam("date") String date) {
        return plantVehicles.of(day("date", date));
    }

    @PUT
    @Path("/{date}/plant-vehicles")
    @RolesAllowed(Roles.PLANT_PLANNER)
    @Operation(operationId = "replacePlantVehicles", summary = "Replace the plant's own vehicles of the day",
            description = "As JSON: ident, colour and option codes (each one a plant option the rules name). As text/csv "
                    + "or text/plain: Renault's ROADEF 2005 vehicles.txt format, a header line (Date;SeqRank;Ident;Paint "
                    + "Color;option codes...), then a line per car with 0/1 per option column; every line is a car of the "
                    + "day. Refused as a whole, every invalid value (or the file's line and field) named; 409 if the day's "
                    + "sequence is frozen.")
    @APIResponse(responseCode = "200", description = "The day's plant vehicles as stored")
    @APIResponse(responseCode = "400", description = "an invalid vehicle, each value named; in a vehicles file, the line "
            + "and field that cannot be read (an unknown option column, a colour missing, ...)")
    @APIResponse(responseCode = "409", description = "the day's sequence is frozen")
    public Uni<List<PlantVehicle>> replacePlantVehicles(@PathParam("date") String date, List<PlantVehicle> vehicles) {
        LocalDate day = day("date", date);
        return Panache.withTransaction(() -> plantVehicles.replace(day, vehicles, caller.name()));
    }

    /** The ROADEF file variant: OpenAPI has one operation per path and method, documented with the JSON one above. */
    @PUT
    @Path("/{date}/plant-vehicles")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.PLANT_PLANNER)
    @Operation(operationId = "replacePlantVehicles")
    public Uni<List<PlantVehicle>> uploadPlantVehicles(@PathParam("date") String date, String file) {
        LocalDate day = day("date", date);
        return Panache.withTransaction(() -> plantVehicles.knownOptions()
                .map(known -> read(file, known))
                .chain(vehicles -> plantVehicles.replace(day, vehicles, caller.name())));
    }

    private static List<PlantVehicle> read(String file, java.util.Set<String> knownOptions) {
        try {
            return RoadefFormat.plantVehicles(file == null ? "" : file, knownOptions);
        } catch (RoadefFormatException e) {
            throw ProblemException.badRequest("The vehicles file cannot be read: " + e.getMessage(),
                    List.of(new Violation(e.field(), "line " + e.line() + ": " + e.getMessage())));
        }
    }

    private static Response versioned(Versioned<SequencingRules> v) {
        return Response.ok(v.document()).tag(String.valueOf(v.version())).header(RULES_VERSION, v.version()).build();
    }

    private static LocalDate day(String field, String value) {
        if (value == null) {
            throw ProblemException.badRequest(field, "is required");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "is not a date like 2027-03-01");
        }
    }
}
