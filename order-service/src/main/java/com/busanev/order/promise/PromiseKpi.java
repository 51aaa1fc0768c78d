package com.busanev.order.promise;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How one market's delivery promises stand. */
@Schema(description = "Orders with a promise, not cancelled, by how they stand (see DeliveryEstimate). keptRate is "
        + "kept / (kept + missed), the arrived cars' score; null while none arrived. onTimeRate adds the cars in "
        + "flight: (kept + onTrack) / (all but unknown).")
public record PromiseKpi(String market, long kept, long missed, long onTrack, long late, long unknown, Double keptRate,
        Double onTimeRate) {

    static PromiseKpi of(String market, long kept, long missed, long onTrack, long late, long unknown) {
        long arrived = kept + missed;
        long judged = arrived + onTrack + late;
        return new PromiseKpi(market, kept, missed, onTrack, late, unknown, arrived == 0 ? null : (double) kept / arrived,
                judged == 0 ? null : (double) (kept + onTrack) / judged);
    }
}
