package com.busanev.production.build;

import com.busanev.events.Region;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record BuildView(UUID orderId, String brand, String market, Region region, String variant,
        String requestedWeek, int priority, BuildStatus status, LocalDate plannedDate, String blockedReason,
        String blockedWeek, String blockedDetail, Instant startedAt, Instant completedAt, String vin,
        String batteryPackSerial, String batterySupplier, Integer defects, Double co2Kg) {

    static BuildView of(Build b) {
        return new BuildView(b.orderId, b.brand, b.market, b.region, b.variant, b.requestedWeek, b.priority, b.status,
                b.plannedDate, b.blockedReason == null ? null : b.blockedReason.name(), b.blockedWeek, b.blockedDetail,
                b.startedAt, b.completedAt, b.vin, b.packSerial, b.packSupplier, b.defects, b.co2Kg);
    }
}
