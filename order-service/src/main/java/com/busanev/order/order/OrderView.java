package com.busanev.order.order;

import com.busanev.events.Region;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An order as partners see it: what was ordered, where it is, and (on GET by id) how it got there. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderView(UUID id, String brand, String brandReference, String model, String variant,
        String exteriorColour, String interior, List<String> optionPacks, String wheels, String market,
        Region region, String requestedWeek, int priority, OrderStatus status, LocalDate plannedDate,
        String blockedReason, String vin, Shipment shipment, Instant eta, Instant createdAt, Instant updatedAt,
        List<Step> timeline) {

    public record Shipment(UUID voyageId, String vessel, String mode, String destinationPort) {
    }

    public record Step(Instant at, String event, String detail) {
    }

    static OrderView of(Order order, List<TimelineEntry> timeline) {
        Shipment shipment = order.transportMode == null ? null
                : new Shipment(order.voyageId, order.vessel, order.transportMode, order.destinationPort);
        List<Step> steps = timeline == null ? null
                : timeline.stream().map(t -> new Step(t.occurredAt, t.eventType, t.detail)).toList();
        return new OrderView(order.id, order.brand, order.brandReference, order.model, order.variant,
                order.exteriorColour, order.interior, order.optionPackList(), order.wheels, order.market, order.region,
                order.requestedWeek, order.priority, order.status, order.plannedDate, order.blockedReason, order.vin,
                shipment, order.eta, order.createdAt, order.updatedAt, steps);
    }
}
