package com.busanev.order.promise;

import com.busanev.events.Region;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of a quote: the promise an order placed now would get, without placing it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Quote(String market, Region region, int quantity,
        @Schema(description = "Absent when the plan has no room for the cars within its horizon") Promise promise,
        @Schema(description = "When the plant computed the availability the promise is made from") Instant basedOn) {
}
