package com.busanev.logistics.voyage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What may change on a planned voyage: its capacity (in the unit of its mode) and a later departure. */
public record VoyageChange(
        @Schema(description = "Ro-Ro only: cars it can take") @Min(1) @Max(10000) Integer capacityCars,
        @Schema(description = "Container service only: 40 ft containers, 3 cars each") @Min(1) @Max(1000) Integer containers,
        @Schema(description = "A later departure: every booked car's ETA moves (ShipmentDelayed)") Instant departure) {
}
