package com.busanev.logistics.shipment;

import com.busanev.events.TransportMode;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShipmentView(UUID orderId, String vin, String brand, String market, ShipmentStatus status,
        TransportMode mode, UUID voyageId, String containerId, String destinationPort, Instant readyAt, Instant eta,
        Instant bookedAt, Instant departedAt, Instant arrivedAt, Delay delay, Hold hold) {

    /** The car's latest delay: the ETA first promised, when the delay was announced and why. */
    public record Delay(Instant firstEta, Instant at, String reason) {
    }

    /** Why a HELD car is not booked yet, and since when. */
    public record Hold(String reason, Instant since) {
    }

    public static ShipmentView of(Shipment s) {
        return new ShipmentView(s.orderId, s.vin, s.brand, s.market, s.status, s.mode, s.voyageId, s.containerId,
                s.destinationPort, s.readyAt, s.eta, s.bookedAt, s.departedAt, s.arrivedAt,
                s.delayedAt == null ? null : new Delay(s.firstEta, s.delayedAt, s.delayReason),
                s.heldAt == null ? null : new Hold(s.holdReason, s.heldAt));
    }
}
