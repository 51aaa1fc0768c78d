package com.busanev.order.promise;

import com.busanev.events.IsoWeek;
import com.busanev.order.order.Order;
import com.busanev.order.order.OrderStatus;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where the order stands against its promise, from what the chain reported last (planned day, booking, departure,
 * arrival). The same rule counts the KPI in SQL ({@link PromiseKpis}).
 */
@Schema(name = "DeliveryEstimate", description = "The current estimate: the planned build week and the ETA at the "
        + "destination port as last reported, and how they stand against the promise: KEPT (arrived by the window's "
        + "end), MISSED (arrived later), ON_TRACK (the ETA, or before a booking the planned build week, within the "
        + "promise), LATE (beyond it, or blocked with no build day), UNKNOWN (nothing to compare yet)")
public record Estimate(String buildWeek, Instant eta, Status status) {
    @Schema(name = "PromiseStatus")
    public enum Status {
        KEPT, MISSED, ON_TRACK, LATE, UNKNOWN
    }

    /** Null for an order without a promise, or cancelled. */
    public static Estimate of(Order order) {
        if (order.promisedWeek == null || order.status == OrderStatus.CANCELLED) {
            return null;
        }
        String buildWeek = order.plannedDate == null ? null : IsoWeek.of(order.plannedDate).toString();
        return new Estimate(buildWeek, order.eta, status(order, buildWeek));
    }

    private static Status status(Order order, String buildWeek) {
        boolean window = order.promisedTo != null;
        if (order.status == OrderStatus.ARRIVED) {
            return !window || order.eta == null ? Status.UNKNOWN : order.eta.isAfter(order.promisedTo) ? Status.MISSED : Status.KEPT;
        }
        if (window && order.eta != null) {
            return order.eta.isAfter(order.promisedTo) ? Status.LATE : Status.ON_TRACK;
        }
        if (buildWeek != null) {
            return buildWeek.compareTo(order.promisedWeek) > 0 ? Status.LATE : Status.ON_TRACK;
        }
        return order.status == OrderStatus.BLOCKED ? Status.LATE : Status.UNKNOWN;
    }
}
