package com.busanev.logistics.voyage;

import com.busanev.events.TransportMode;
import com.busanev.logistics.port.Ports;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record VoyageView(UUID id, String code, String vessel, TransportMode mode, String originPort,
        String destinationPort, Instant departure, Instant cutOff, int transitDays, Instant eta, int capacityCars,
        Integer containers, int bookedCars, double loadFactor, VoyageStatus status, Instant actualDeparture,
        Instant actualArrival) {

    public static VoyageView of(Voyage v) {
        return new VoyageView(v.id, v.code, v.vessel, v.mode, Ports.BUSAN_NEW_PORT.locode(), v.destinationPort, v.departure, v.cutOff,
                v.transitDays, v.eta, v.capacityCars, v.containers, v.bookedCars,
                Math.round(1000.0 * v.bookedCars / v.capacityCars) / 1000.0, v.status, v.actualDeparture, v.actualArrival);
    }
}
