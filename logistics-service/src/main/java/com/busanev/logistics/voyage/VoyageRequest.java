package com.busanev.logistics.voyage;

import com.busanev.events.TransportMode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sailing to add: Ro-Ro with a capacity in cars, or a container service with a number of 40 ft containers. */
public record VoyageRequest(
        @Schema(examples = "HOEGH-TARGET-2711") @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9-]+", message = "upper-case letters, digits and - only") String code,
        @Schema(examples = "Hoegh Target") @NotBlank @Size(max = 80) String vessel,
        @NotNull @Schema(description = "RO_RO or CONTAINER") TransportMode mode,
        @Schema(examples = "USLGB") @NotBlank String destinationPort,
        @NotNull Instant departure,
        @NotNull @Min(1) @Max(90) Integer transitDays,
        @Schema(description = "Cargo cut-off before departure, hours (default 24)") @Min(0) @Max(240) Integer cutOffHours,
        @Schema(description = "Ro-Ro only: cars it can take") @Min(1) @Max(10000) Integer capacityCars,
        @Schema(description = "Container service only: 40 ft containers, 3 cars each") @Min(1) @Max(1000) Integer containers) {
}
