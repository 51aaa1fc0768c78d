package com.busanev.production.sequence;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import java.util.List;

/** One of the plant's own cars sharing the line on a day: its ident, paint colour and option codes. */
@RegisterForReflection
public record PlantVehicle(@NotBlank String ident, @NotBlank String colour, List<@NotBlank String> options) {
    public PlantVehicle {
        options = options == null ? List.of() : List.copyOf(options);
    }

    SequencedCar car() {
        return new SequencedCar(null, ident, colour, null, options);
    }
}
