package com.busanev.production.sequence;

import com.busanev.production.build.Build;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A car on the line: a Polestar build ({@code orderId}, its variant and option packs) or one of the plant's own
 * vehicles ({@code plantVehicle}, its option codes), with its paint colour.
 */
@RegisterForReflection
public record SequencedCar(UUID orderId, String plantVehicle, String colour, String variant, List<String> options) {
    /** The colour of a build whose OrderPlaced came before orders carried their colour. */
    static final String UNKNOWN_COLOUR = "UNKNOWN";

    public SequencedCar {
        options = options == null ? List.of() : List.copyOf(options);
    }

    static SequencedCar of(Build build) {
        return of(build.orderId, build.variant, build.exteriorColour, build.optionPackList());
    }

    static SequencedCar of(UUID orderId, String variant, String colour, List<String> optionPacks) {
        return new SequencedCar(orderId, null, Objects.requireNonNullElse(colour, UNKNOWN_COLOUR), variant, optionPacks);
    }

    String ident() {
        return orderId != null ? orderId.toString() : plantVehicle;
    }
}
