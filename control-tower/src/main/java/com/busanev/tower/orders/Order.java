package com.busanev.tower.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** An order as order-service answers it (GET /api/v1/orders[/{id}]); the timeline only on the single order. */
public record Order(UUID id, String brand, String brandReference, String model, String variant, String exteriorColour,
        String interior, List<String> optionPacks, String wheels, String market, String region, String requestedWeek,
        int priority, String status, LocalDate plannedDate, String blockedReason, String vin, Shipment shipment,
        Instant eta, Hold hold, Cancellation cancellation, Instant createdAt, List<Step> timeline) {

    /** Every status in pipeline order, as order-service names them. */
    public static final List<String> STATUSES = List.of("RECEIVED", "SCHEDULED", "BLOCKED", "IN_PRODUCTION", "BUILT",
            "SHIPPED", "ARRIVED", "CANCELLED");
    /** Until the build is known to have started; the plant then decides (order-service's OrderStatus.cancellable). */
    private static final Set<String> CANCELLABLE = Set.of("RECEIVED", "SCHEDULED", "BLOCKED");

    public record Shipment(UUID voyageId, String vessel, String mode, String destinationPort) {
    }

    /** Why logistics holds the built car instead of booking it, and since when; null when not held. */
    public record Hold(String reason, Instant since) {
    }

    public record Step(Instant at, String event, String detail) {
    }

    public record Cancellation(String status, Instant requestedAt, String reason, Instant decidedAt, String detail) {
        public boolean pending() {
            return "REQUESTED".equals(status);
        }
    }

    /** Whether a cancel may still be asked for: not once the build started, nor twice. */
    public boolean cancellable() {
        return CANCELLABLE.contains(status) && (cancellation == null || !cancellation.pending());
    }
}
