package com.busanev.order.order;

import com.busanev.events.Region;
import com.busanev.order.promise.Estimate;
import com.busanev.order.promise.Promise;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An order as partners see it: what was ordered, where it is, and (on GET by id) how it got there. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderView(UUID id, String brand, String brandReference, String model, String variant,
        String exteriorColour, String interior, List<String> optionPacks, String wheels, String market,
        Region region, String requestedWeek, int priority, OrderStatus status, LocalDate plannedDate,
        String blockedReason, String vin, Shipment shipment, Instant eta,
        @Schema(description = "Why logistics holds the built car instead of booking it (e.g. an EU car whose battery "
                + "passport is not complete) and since when; absent when not held, cleared once the car is booked")
        Hold hold,
        @Schema(description = "The brand's cancel request and its outcome; absent while none was made")
        CancellationView cancellation,
        @Schema(description = "The build week and delivery window promised at placement; absent when the plan had no "
                + "room within its horizon then") Promise promise,
        @Schema(description = "The current estimate against the promise") Estimate estimate,
        Instant createdAt, Instant updatedAt, List<Step> timeline) {

    public record Shipment(UUID voyageId, String vessel, String mode, String destinationPort) {
    }

    public record Hold(String reason, Instant since) {
    }

    public record Step(Instant at, String event, String detail) {
    }

    @Schema(name = "Cancellation", description = "A cancel request is decided by the plant, which alone knows whether "
            + "the build started: REQUESTED until then, CANCELLED (the order's status is CANCELLED too) or REFUSED "
            + "(the build had started; the order goes on).")
    public record CancellationView(Cancellation.Status status, Instant requestedAt,
            @Schema(description = "The brand's reason, as given with the request") String reason,
            @Schema(description = "When the plant decided; absent while REQUESTED") Instant decidedAt,
            @Schema(description = "The plant's answer, e.g. why it refused") String detail) {
        static CancellationView of(Cancellation cancellation) {
            return cancellation == null || cancellation.status == null ? null : new CancellationView(cancellation.status,
                    cancellation.requestedAt, cancellation.reason, cancellation.decidedAt, cancellation.detail);
        }
    }

    static OrderView of(Order order, List<TimelineEntry> timeline) {
        Shipment shipment = order.transportMode == null ? null
                : new Shipment(order.voyageId, order.vessel, order.transportMode, order.destinationPort);
        List<Step> steps = timeline == null ? null
                : timeline.stream().map(t -> new Step(t.occurredAt, t.eventType, t.detail)).toList();
        return new OrderView(order.id, order.brand, order.brandReference, order.model, order.variant,
                order.exteriorColour, order.interior, order.optionPackList(), order.wheels, order.market, order.region,
                order.requestedWeek, order.priority, order.status, order.plannedDate, order.blockedReason, order.vin,
                shipment, order.eta, order.heldAt == null ? null : new Hold(order.holdReason, order.heldAt),
                CancellationView.of(order.cancellation),
                order.promisedWeek == null ? null : new Promise(order.promisedWeek, order.promisedFrom, order.promisedTo),
                Estimate.of(order), order.createdAt, order.updatedAt, steps);
    }
}
