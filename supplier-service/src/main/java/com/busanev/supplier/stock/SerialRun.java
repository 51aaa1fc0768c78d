package com.busanev.supplier.stock;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A run of pack serials sharing a prefix, first and last included, e.g. LGES-000101..LGES-000150. */
public record SerialRun(@Schema(examples = "LGES-000101") @NotBlank @Pattern(regexp = SerialsRequest.SERIAL) String from,
        @Schema(examples = "LGES-000150") @NotBlank @Pattern(regexp = SerialsRequest.SERIAL) String to) {
}
