package com.busanev.order.promise;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The question a quote answers: when could this many cars for this market be built and delivered? */
public record QuoteRequest(
        @Schema(description = "ISO 3166-1 alpha-2 country: US, CA, KR or an EU member", examples = "US")
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code") String market,
        @Schema(description = "Cars (default 1)") @Min(1) @Max(1000) Integer quantity,
        @Schema(description = "Earliest build week, as on an order", examples = "2027-W09")
        @Pattern(regexp = "\\d{4}-W\\d{2}", message = "must be an ISO week like 2027-W09") String requestedWeek) {

    int quantityOrDefault() {
        return quantity == null ? 1 : quantity;
    }
}
