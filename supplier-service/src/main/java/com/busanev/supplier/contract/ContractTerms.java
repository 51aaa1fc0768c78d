package com.busanev.supplier.contract;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The terms of a battery supply contract: what a create sends and an amendment replaces. */
public record ContractTerms(
        @Schema(examples = "LGES") @NotBlank String supplier,
        @NotNull ContractStatus status,
        @NotNull LocalDate validFrom,
        @NotNull LocalDate validTo,
        @NotNull @Valid PackSpec packSpec,
        @Schema(description = "Packs a month the supplier commits to") @NotNull @Min(0) @Max(100_000) Integer monthlyCommittedPacks,
        @Schema(description = "Range the monthly call-off may move within") @NotNull @Valid FlexRange flexRange,
        @NotNull @Valid Price pricePerKwh,
        @Schema(examples = "KR") @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code") String cellOrigin,
        @Schema(examples = "KR") @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code") String packOrigin,
        @Schema(description = "Battery carbon-footprint declaration, kg CO2e per kWh; required for EU-bound cars")
        @DecimalMin("0.0") Double carbonFootprintKgCo2ePerKwh,
        @Schema(description = "Battery passport facts of the pack model (optional until an EU-bound car needs them)")
        @Valid PassportFacts passport) {

    public record PackSpec(@NotNull @Positive @Max(250) Double capacityKwh, @NotNull Chemistry chemistry) {
    }

    public record FlexRange(@NotNull @Min(0) Integer minPacks, @NotNull @Min(0) Integer maxPacks) {
    }

    public record Price(@NotNull @DecimalMin(value = "0.0", inclusive = false) BigDecimal amount,
            @Schema(examples = "USD") @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency) {
    }
}
