package com.busanev.order.tracking;

import com.busanev.events.BuildBlocked;
import com.busanev.events.BuildRescheduled;
import com.busanev.events.BuildScheduled;
import com.busanev.events.BuildStarted;
import com.busanev.events.DomainEvent;
import com.busanev.events.ShipmentArrived;
import com.busanev.events.ShipmentBooked;
import com.busanev.events.ShipmentDelayed;
import com.busanev.events.ShipmentDeparted;
import com.busanev.events.VehicleBuilt;
import com.busanev.kit.messaging.EventConsumer;
import com.busanev.kit.messaging.IncomingEvent;
import com.busanev.order.order.Order;
import com.busanev.order.order.OrderStatus;
import com.busanev.order.order.TimelineEntry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Follows production and logistics events into each order's status and timeline. Every event lands in the
 * timeline; the status only moves forward (see {@link Order#moveTo}), so late or out-of-order events
 * cannot undo progress, and a cancelled order stays cancelled.
 */
@ApplicationScoped
public class OrderTracker {
    private static final Logger LOG = Logger.getLogger(OrderTracker.class);
    private static final String BUILD_BEFORE_CANCEL = "(the build started before the cancel reached the plant: the plant "
            + "builds the car all the same; the order stays CANCELLED)";

    private final EventConsumer consumer;
    private final Clock clock;

    OrderTracker(EventConsumer consumer, Clock clock) {
        this.consumer = consumer;
        this.clock = clock;
    }

    @Incoming("production-events")
    Uni<Void> onProduction(Message<String> message) {
        return consumer.consume(message, this::apply);
    }

    @Incoming("logistics-events")
    Uni<Void> onLogistics(Message<String> message) {
        return consumer.consume(message, this::apply);
    }

    Uni<Void> apply(IncomingEvent event) {
        Change change = Change.of(event.payload());
        if (change == null) {
            return Uni.createFrom().voidItem();
        }
        return Order.<Order>findById(change.orderId()).chain(order -> {
            if (order == null) {
                LOG.debugf("%s for unknown order %s ignored", event.type().eventName(), change.orderId());
                return Uni.createFrom().voidItem();
            }
            change.applyTo(order);
            order.updatedAt = clock.instant();
            String detail = change.detail();
            if (change.crossedTheCancel(order)) {
                LOG.warnf("order %s is cancelled but the plant had started its build: %s", order.id, detail);
                detail += " " + BUILD_BEFORE_CANCEL;
            }
            return TimelineEntry.of(order.id, event.id(), event.type().eventName(), change.at(), detail)
                    .persist().replaceWithVoid();
        });
    }

    /** What one event says about an order; a null status leaves it as it is. */
    private record Change(UUID orderId, Instant at, OrderStatus status, String detail, DomainEvent event) {
        static Change of(DomainEvent payload) {
            if (payload instanceof BuildScheduled e) {
                return new Change(e.orderId(), e.scheduledAt(), OrderStatus.SCHEDULED,
                        "Build planned for " + e.plannedDate() + " (" + e.week() + ")", e);
            }
            if (payload instanceof BuildBlocked e) {
                return new Change(e.orderId(), e.blockedAt(), OrderStatus.BLOCKED, e.reason() + ": " + e.detail(), e);
            }
            if (payload instanceof BuildRescheduled e) {
                return new Change(e.orderId(), e.rescheduledAt(), OrderStatus.SCHEDULED, "Build moved from "
                        + e.previousDate() + " to " + e.plannedDate() + (e.reason() == null ? "" : ": " + e.reason()), e);
            }
            if (payload instanceof BuildStarted e) {
                return new Change(e.orderId(), e.startedAt(), OrderStatus.IN_PRODUCTION, "Build started", e);
            }
            if (payload instanceof VehicleBuilt e) {
                return new Change(e.orderId(), e.builtAt(), OrderStatus.BUILT, "Built as VIN " + e.vin()
                        + " with a " + e.batterySupplier() + " pack, " + e.defects() + " defect(s) found", e);
            }
            if (payload instanceof ShipmentBooked e) {
                String on = e.vessel() == null ? e.mode().name() : e.vessel() + " (" + e.mode() + ")";
                return new Change(e.orderId(), e.bookedAt(), OrderStatus.BUILT, "Booked on " + on + " to "
                        + e.destinationPort() + ", ETA " + e.eta(), e);
            }
            if (payload instanceof ShipmentDelayed e) {
                return new Change(e.orderId(), e.delayedAt(), null, "ETA moved from " + e.previousEta()
                        + " to " + e.eta() + (e.reason() == null ? "" : ": " + e.reason()), e);
            }
            if (payload instanceof ShipmentDeparted e) {
                return new Change(e.orderId(), e.departedAt(), OrderStatus.SHIPPED, "Departed, ETA " + e.eta(), e);
            }
            if (payload instanceof ShipmentArrived e) {
                return new Change(e.orderId(), e.arrivedAt(), OrderStatus.ARRIVED, "Arrived at " + e.port(), e);
            }
            return null;
        }

        /**
         * A cancel is accepted while the order is SCHEDULED, so it can cross a BuildStarted already on its way:
         * the plant, which only stops builds that have not started, goes on.
         */
        boolean crossedTheCancel(Order order) {
            return order.status == OrderStatus.CANCELLED && (event instanceof BuildStarted || event instanceof VehicleBuilt);
        }

        /**
         * Status forward only. Planning facts (date, blocker) follow the event that set the status; the car's
         * facts (VIN, booking) are kept whatever the status. The ETA follows the shipment's progress: a booking
         * does not replace the ETA once the car has sailed, and nothing replaces the arrival time.
         */
        void applyTo(Order order) {
            boolean current = status != null && order.moveTo(status, at);
            if (event instanceof BuildScheduled e && current) {
                order.plannedDate = e.plannedDate();
                order.blockedReason = null;
            } else if (event instanceof BuildRescheduled e && current) {
                order.plannedDate = e.plannedDate();
                order.blockedReason = null;
            } else if (event instanceof BuildBlocked && current) {
                order.plannedDate = null;
                order.blockedReason = detail;
            } else if (event instanceof VehicleBuilt e) {
                order.vin = e.vin();
            } else if (event instanceof ShipmentBooked e) {
                order.vin = order.vin == null ? e.vin() : order.vin;
                order.voyageId = e.voyageId();
                order.vessel = e.vessel();
                order.transportMode = e.mode().name();
                order.destinationPort = e.destinationPort();
                // once the ship has left, its departure report's ETA beats a booking that arrives late
                if (order.status != OrderStatus.SHIPPED && order.status != OrderStatus.ARRIVED) {
                    order.eta = e.eta();
                }
            } else if (event instanceof ShipmentDelayed e && order.status != OrderStatus.ARRIVED) {
                order.eta = e.eta();
            } else if (event instanceof ShipmentDeparted e && order.status != OrderStatus.ARRIVED) {
                order.eta = e.eta();
            } else if (event instanceof ShipmentArrived e) {
                order.eta = e.arrivedAt();
            }
        }
    }
}
