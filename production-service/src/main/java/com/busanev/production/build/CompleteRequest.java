package com.busanev.production.build;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the plant floor reports when a car leaves final assembly. */
public record CompleteRequest(
        @Schema(description = "Defects found at end-of-line inspection") @NotNull @Min(0) @Max(500) Integer defects,
        @Schema(description = "CO2 emitted building this car, kg") @NotNull @Positive Double co2Kg,
        @Schema(description = "Serial scanned on the pack; generated from the pack allocation when omitted")
        @Pattern(regexp = "[A-Z0-9-]{6,40}") String batteryPackSerial) {
}
