package com.busanev.order.change;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An order change as partners see it: the specification asked for and, once the plant decided, the outcome. */
@Schema(name = "OrderChange", description = "REQUESTED until the plant decides: APPLIED (the order has the new "
        + "specification; slotKept says whether the build kept its day, plannedDate is where it is now) or REFUSED "
        + "(past the freeze point or the build started; detail says why, the order keeps its specification).")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangeView(UUID id, UUID orderId, OrderChange.Status status, String exteriorColour, String interior,
        String wheels, List<String> optionPacks, String market, Instant requestedAt,
        @Schema(description = "When the plant decided; absent while REQUESTED") Instant decidedAt,
        @Schema(description = "The plant's answer") String detail,
        @Schema(description = "The build's day after an applied change; absent while blocked") LocalDate plannedDate,
        Boolean slotKept) {

    static ChangeView of(OrderChange change) {
        return new ChangeView(change.id, change.orderId, change.status, change.exteriorColour, change.interior,
                change.wheels, change.optionPackList(), change.market, change.requestedAt, change.decidedAt,
                change.detail, change.plannedDate, change.slotKept);
    }
}
