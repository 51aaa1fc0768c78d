package com.busanev.order.reference;

import com.busanev.events.Markets;
import com.busanev.events.Region;
import com.busanev.order.order.Polestar4;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What may be ordered, so a partner builds its order form from data rather than from a PDF. */
@Path("/api/v1/reference")
@Tag(name = "Reference data")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceResource {
    public record Rule(String rule, String description) {
    }

    public record ReferenceData(String model, List<String> variants, List<String> optionPacks,
            List<String> exteriorColours, List<String> interiors, List<String> wheels, Map<String, Region> markets,
            List<Rule> rules) {
    }

    private static final ReferenceData DATA = build();

    @GET
    @PermitAll
    @Operation(summary = "Variants, option packs, colours, interiors, wheels, markets and their rules")
    public ReferenceData get() {
        return DATA;
    }

    private static ReferenceData build() {
        Map<String, Region> markets = new TreeMap<>();
        for (Region region : Region.values()) {
            (region == Region.NA ? Markets.NA : region == Region.EU ? Markets.EU : Markets.KR)
                    .forEach(market -> markets.put(market, region));
        }
        return new ReferenceData(Polestar4.MODEL, names(Polestar4.Variant.class), names(Polestar4.OptionPack.class),
                names(Polestar4.ExteriorColour.class), names(Polestar4.Interior.class), names(Polestar4.Wheels.class),
                markets, List.of(
                        new Rule("performance-needs-dual-motor", "The PERFORMANCE pack needs LONG_RANGE_DUAL_MOTOR."),
                        new Rule("22-inch-wheels-need-performance", "PERFORMANCE_22 wheels need the PERFORMANCE pack."),
                        new Rule("reference-unique", "brandReference is unique per brand."),
                        new Rule("requested-week", "requestedWeek is an ISO week (2027-W09), not in the past.")));
    }

    private static List<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }
}
