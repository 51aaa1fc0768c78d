package com.busanev.supplier.stock;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Packs shipped and received in one step (a notice received in full at once); the serials are a contiguous range sharing a prefix, e.g. LGES-000101..LGES-000150. */
public record DeliveryRequest(
        @NotNull @Min(1) @Max(100_000) Integer packs,
        @Schema(examples = "LGES-000101") @NotBlank @Pattern(regexp = "[A-Z0-9-]*\\d+") String serialFrom,
        @Schema(examples = "LGES-000150") @NotBlank @Pattern(regexp = "[A-Z0-9-]*\\d+") String serialTo,
        @NotNull LocalDate deliveredOn,
        @Schema(description = "When the packs were made (battery passport, Annex VI A(5)); if not given, the passport "
                + "takes the day of the delivery") LocalDate manufacturedOn) {
}
