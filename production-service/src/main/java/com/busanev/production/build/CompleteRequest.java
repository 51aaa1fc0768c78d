package com.busanev.production.build;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the plant floor reports when a car leaves final assembly. */
public record CompleteRequest(
        @Schema(description = "Defects found at end-of-line inspection") @NotNull @Min(0) @Max(500) Integer defects,
        @Schema(description = "CO2 emitted building this car, kg") @NotNull @Positive Double co2Kg,
        @Schema(description = "Serial scanned on the battery pack: a pack received at the plant, in no other car, "
                + "that the car's market allows", examples = "LGES-000123")
        @NotBlank @Pattern(regexp = "[A-Z0-9-]{1,60}") String batteryPackSerial) {
}
