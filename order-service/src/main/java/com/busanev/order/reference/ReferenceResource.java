package com.busanev.order.reference;

import com.busanev.events.Markets;
import com.busanev.events.Region;
import com.busanev.events.Roles;
import com.busanev.order.order.Polestar4;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** What may be ordered, so a partner builds its order form from data rather than from a PDF. */
@Path("/api/v1/reference")
@Tag(name = "Reference data", description = "The codes an order uses, with labels and the rules between them")
@Produces(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class ReferenceResource {
    public record Option(String code, String label) {
    }

    public record Rule(String rule, String description) {
    }

    public record ReferenceData(String model, List<Option> variants, List<Option> optionPacks,
            List<Option> exteriorColours, List<Option> interiors, List<Option> wheels, Map<String, Region> markets,
            @Schema(description = "Destination ports (UN/LOCODE) a market's cars sail to from Busan New Port; empty: "
                    + "delivered by truck within Korea") Map<String, Set<String>> destinations,
            List<Rule> rules) {
    }

    private static final ReferenceData DATA = new ReferenceData(Polestar4.MODEL,
            options(Polestar4.Variant.values()), options(Polestar4.OptionPack.values()),
            options(Polestar4.ExteriorColour.values()), options(Polestar4.Interior.values()),
            options(Polestar4.Wheels.values()), markets(), destinations(), List.of(
                    new Rule("performance-needs-dual-motor", "The PERFORMANCE pack needs LONG_RANGE_DUAL_MOTOR."),
                    new Rule("22-inch-wheels-need-performance", "PERFORMANCE_22 wheels need the PERFORMANCE pack."),
                    new Rule("packs-once", "Each option pack at most once."),
                    new Rule("reference-unique", "brandReference is unique per brand."),
                    new Rule("requested-week", "requestedWeek is the earliest build week (ISO week, 2027-W09, not in "
                            + "the past): the car is built in it or later, never before; it is not a delivery week. "
                            + "Omit it to build as early as possible."),
                    new Rule("market-region", "The market decides the region (NA, EU, KR) and so the battery "
                            + "sourcing rules and the destination port.")));

    @GET
    @RolesAllowed({Roles.BRAND_ORDERS, Roles.VIEWER})
    @Operation(operationId = "getReferenceData",
            summary = "Variants, option packs, colours, interiors, wheels, markets and their rules")
    public ReferenceData get() {
        return DATA;
    }

    private static Map<String, Region> markets() {
        Map<String, Region> markets = new TreeMap<>();
        Map.<Region, Set<String>>of(Region.NA, Markets.NA, Region.EU, Markets.EU, Region.KR, Markets.KR)
                .forEach((region, countries) -> countries.forEach(country -> markets.put(country, region)));
        return markets;
    }

    private static Map<String, Set<String>> destinations() {
        Map<String, Set<String>> destinations = new TreeMap<>();
        markets().keySet().forEach(market -> destinations.put(market, new TreeSet<>(Markets.destinationPorts(market))));
        return destinations;
    }

    private static List<Option> options(Polestar4.Choice[] choices) {
        return Arrays.stream(choices).map(c -> new Option(c.name(), c.label())).toList();
    }
}
