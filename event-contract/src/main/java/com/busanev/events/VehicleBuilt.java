package com.busanev.events;

import java.time.Instant;
import java.util.UUID;

/** The car left final assembly with a VIN and a battery pack from a contracted supplier. */
public record VehicleBuilt(UUID orderId, String brand, String vin, String market, Region region,
        String batteryPackSerial, String batterySupplier, int defects, double co2Kg, Instant builtAt)
        implements DomainEvent {
    @Override
    public String subject() {
        return orderId.toString();
    }
}
