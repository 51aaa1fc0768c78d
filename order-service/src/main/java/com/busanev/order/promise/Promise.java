package com.busanev.order.promise;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A promised build week and delivery window at the destination port (or the customer's region for Korea). */
@Schema(name = "DeliveryPromise", description = "A build week and a delivery window from the plan, pack coverage and "
        + "sailings known when it was made: an estimate, not a booking (see docs/order-service.md, 'Delivery promise'). "
        + "deliveryFrom/deliveryTo are absent when no sailing after the build week is known yet.")
public record Promise(String buildWeek, Instant deliveryFrom, Instant deliveryTo) {
}
