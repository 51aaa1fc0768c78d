package com.busanev.order.tracking;

import com.busanev.events.BuildBlocked;
import com.busanev.events.BuildCancelled;
import com.busanev.events.BuildChangeRefused;
import com.busanev.events.BuildChanged;
import com.busanev.events.BuildRescheduled;
import com.busanev.events.BuildScheduled;
import com.busanev.events.BuildStarted;
import com.busanev.events.CancelRefused;
import com.busanev.events.DomainEvent;
import com.busanev.events.OrderCancelRefused;
import com.busanev.events.OrderCancelled;
import com.busanev.events.ShipmentArrived;
import com.busanev.events.ShipmentBooked;
import com.busanev.events.ShipmentDelayed;
import com.busanev.events.ShipmentDeparted;
import com.busanev.events.ShipmentHeld;
import com.busanev.events.VehicleBuilt;
import com.busanev.kit.messaging.EventConsumer;
import com.busanev.kit.messaging.IncomingEvent;
import com.busanev.kit.outbox.Outbox;
import com.busanev.order.change.ChangeOutcomes;
import com.busanev.order.order.Cancellation;
import com.busanev.order.order.Order;
import com.busanev.order.order.OrderProgress;
import com.busanev.order.order.OrderStatus;
import com.busanev.order.order.TimelineEntry;
import com.busanev.order.promise.PromiseFeed;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows production and logistics events into each order's status and timeline. Every event lands in the
 * timeline; the status only moves forward (see {@link OrderProgress#moveTo}), so late or out-of-order events
 * cannot undo progress, and a cancelled order stays cancelled. The plant's answer to a cancel request (BuildCancelled,
 * CancelRefused) decides the request and is announced to partners as the order's outcome; so does its answer to a
 * change request (BuildChanged, BuildChangeRefused: {@link ChangeOutcomes}).
 */
@ApplicationScoped
public class OrderTracker {
    private static final Logger LOG = Logger.getLogger(OrderTracker.class);

    private final EventConsumer consumer;
    private final Outbox outbox;
    private final Clock clock;
    private final ChangeOutcomes changeOutcomes;
    private final PromiseFeed promiseFeed;

    OrderTracker(EventConsumer consumer, Outbox outbox, Clock clock, ChangeOutcomes changeOutcomes,
            PromiseFeed promiseFeed) {
        this.promiseFeed = promiseFeed;
        this.consumer = consumer;
        this.outbox = outbox;
        this.clock = clock;
        this.changeOutcomes = changeOutcomes;
    }

    /** The timeline records the events applied (see {@link #apply}): no inbox row besides. */
    @Incoming("production-events")
    Uni<Void> onProduction(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatchRecordedByHandler(batch, this::apply);
    }

    @Incoming("logistics-events")
    Uni<Void> onLogistics(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatchRecordedByHandler(batch, this::apply);
    }

    /**
     * The promise model's events (line availability, sailings) go to their tables ({@link PromiseFeed}: newer
     * wins, so a redelivered one changes nothing). The batch's orders are read and locked with one query and its
     * timeline entries inserted with one statement, which returns the events whose entry is new: those not applied
     * before (the timeline is keyed by order and event). Each of them changes its order's progress in memory in
     * record order, and the changed orders go out with one statement. The plant's answers to cancel and change
     * requests are decided after that, in record order, on the order entity.
     */
    Uni<Void> apply(List<IncomingEvent> events) {
        return promiseFeed.record(events).chain(() -> applyToOrders(events));
    }

    private Uni<Void> applyToOrders(List<IncomingEvent> events) {
        List<Reported> reports = events.stream().map(Reported::of).filter(Objects::nonNull).toList();
        if (reports.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<UUID> orderIds = reports.stream().map(report -> report.change().orderId()).collect(Collectors.toSet());
        return OrderProgress.lockAll(orderIds).chain(orders -> {
            Map<UUID, OrderProgress> byId = orders.stream().collect(Collectors.toMap(order -> order.id, order -> order));
            List<Reported> known = new ArrayList<>(reports.size());
            for (Reported report : reports) {
                if (byId.containsKey(report.change().orderId())) {
                    known.add(report);
                } else {
                    LOG.debugf("%s for unknown order %s ignored", report.event().type().eventName(),
                            report.change().orderId());
                }
            }
            return TimelineEntry.recordNew(known.stream().map(Reported::entry).toList())
                    .chain(fresh -> applyFresh(known, fresh, byId));
        });
    }

    /** Applies the reports whose events are {@code fresh} (the first of an event twice in the batch), in order. */
    private Uni<Void> applyFresh(List<Reported> known, Set<String> fresh, Map<UUID, OrderProgress> byId) {
        Set<OrderProgress> changed = new LinkedHashSet<>();
        List<Change> answers = new ArrayList<>();
        for (Reported report : known) {
            if (!fresh.remove(report.event().id())) {
                continue;
            }
            Change change = report.change();
            OrderProgress order = byId.get(change.orderId());
            change.applyTo(order);
            changed.add(order);
            if (isAnswer(change.event())) {
                answers.add(change);
            }
        }
        return OrderProgress.updateAll(List.copyOf(changed), clock.instant()).chain(() -> decide(answers));
    }

    /** Whether the event answers a cancel or change request of the brand's, which decides the request. */
    private static boolean isAnswer(DomainEvent event) {
        return event instanceof BuildCancelled || event instanceof CancelRefused || ChangeOutcomes.isAnswer(event);
    }

    /** Decides each answered request on its order, which the batch's progress was written to before. */
    private Uni<Void> decide(List<Change> answers) {
        return Multi.createFrom().iterable(answers)
                .onItem().transformToUniAndConcatenate(answer -> Order.<Order>findById(answer.orderId())
                        .chain(order -> ChangeOutcomes.isAnswer(answer.event())
                                ? changeOutcomes.decide(order, answer.event()) : cancelOutcome(order, answer.event())))
                .collect().last().replaceWithVoid();
    }

    /**
     * The plant's answer to a cancel request becomes the order's outcome, announced to partners (OrderCancelled or
     * OrderCancelRefused) and put on the timeline. Only a pending request is decided: a duplicate answer changes
     * nothing.
     */
    private Uni<Void> cancelOutcome(Order order, DomainEvent answer) {
        Cancellation cancellation = order.cancellation;
        if (cancellation == null || !cancellation.pending()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        if (answer instanceof CancelRefused refused) {
            cancellation.decide(Cancellation.Status.REFUSED, now, refused.reason());
            return announce(order, new OrderCancelRefused(order.id, order.brand, refused.reason(), now), now,
                    "Cancel refused: " + refused.reason());
        }
        cancellation.decide(Cancellation.Status.CANCELLED, now, "slot and battery pack released; the car is not built");
        return announce(order, new OrderCancelled(order.id, order.brand, cancellation.reason, now), now,
                cancellation.reason == null ? "Cancelled at the brand's request"
                        : "Cancelled at the brand's request: " + cancellation.reason);
    }

    private Uni<Void> announce(Order order, DomainEvent outcome, Instant at, String detail) {
        return outbox.append(outcome).chain(row -> TimelineEntry.of(order.id, row.id.toString(),
                outcome.eventType().eventName(), at, detail).persist()).replaceWithVoid();
    }

    /** A consumed event and what it says about its order. */
    private record Reported(IncomingEvent event, Change change) {
        static Reported of(IncomingEvent event) {
            Change change = Change.of(event.payload());
            return change == null ? null : new Reported(event, change);
        }

        TimelineEntry entry() {
            return TimelineEntry.of(change.orderId(), event.id(), event.type().eventName(), change.at(), change.detail());
        }
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
            if (payload instanceof BuildCancelled e) {
                return new Change(e.orderId(), e.cancelledAt(), OrderStatus.CANCELLED, "The plant cancelled the build "
                        + "before it started" + (e.week() == null ? "" : "; its slot in " + e.week() + " is released"), e);
            }
            if (payload instanceof CancelRefused e) {
                return new Change(e.orderId(), e.refusedAt(), null, "The plant refused the cancel: " + e.reason(), e);
            }
            if (payload instanceof BuildChanged e) {
                return new Change(e.orderId(), e.changedAt(), null, "The plant applied change " + e.changeId()
                        + (e.slotKept() ? " on the build's day" : e.plannedDate() == null ? "; the build waits for a slot"
                        : "; the build moved to " + e.plannedDate()), e);
            }
            if (payload instanceof BuildChangeRefused e) {
                return new Change(e.orderId(), e.refusedAt(), null, "The plant refused change " + e.changeId() + ": "
                        + e.reason(), e);
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
            if (payload instanceof ShipmentHeld e) {
                return new Change(e.orderId(), e.heldAt(), null, "Not booked yet: " + e.reason(), e);
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
         * Status forward only. Planning facts (date, blocker) follow the event that set the status; the car's
         * facts (VIN, booking) are kept whatever the status; a hold lasts until the car is booked. The ETA follows the shipment's progress: a booking
         * does not replace the ETA once the car has sailed, and nothing replaces the arrival time.
         */
        void applyTo(OrderProgress order) {
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
                order.holdReason = null;
                order.heldAt = null;
                // once the ship has left, its departure report's ETA beats a booking that arrives late
                if (order.status != OrderStatus.SHIPPED && order.status != OrderStatus.ARRIVED) {
                    order.eta = e.eta();
                }
            } else if (event instanceof ShipmentHeld e) {
                order.holdReason = e.reason();
                order.heldAt = e.heldAt();
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
