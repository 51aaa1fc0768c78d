package com.busanev.order.change;

import com.busanev.events.BuildChangeRefused;
import com.busanev.events.BuildChanged;
import com.busanev.events.DomainEvent;
import com.busanev.events.OrderChangeRefused;
import com.busanev.events.OrderChanged;
import com.busanev.kit.outbox.Outbox;
import com.busanev.order.order.Order;
import com.busanev.order.order.TimelineEntry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * The plant's answer to a change request becomes the order's outcome: an applied change gives the order its new
 * specification; either answer is announced to partners (OrderChanged or OrderChangeRefused) and put on the timeline.
 * Only a pending change is decided: a duplicate answer changes nothing.
 */
@ApplicationScoped
public class ChangeOutcomes {
    private final Outbox outbox;
    private final Clock clock;

    ChangeOutcomes(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public static boolean isAnswer(DomainEvent event) {
        return event instanceof BuildChanged || event instanceof BuildChangeRefused;
    }

    /** Decides the change {@code answer} is about. Runs in the caller's transaction (the tracker's batch). */
    public Uni<Void> decide(Order order, DomainEvent answer) {
        return OrderChange.<OrderChange>findById(answer instanceof BuildChanged changed ? changed.changeId()
                        : ((BuildChangeRefused) answer).changeId())
                .chain(change -> change == null || !change.pending() || !change.orderId.equals(order.id)
                        ? Uni.createFrom().voidItem() : decide(order, change, answer));
    }

    private Uni<Void> decide(Order order, OrderChange change, DomainEvent answer) {
        Instant now = clock.instant();
        if (answer instanceof BuildChangeRefused refused) {
            change.decide(OrderChange.Status.REFUSED, now, refused.reason());
            return announce(order, new OrderChangeRefused(order.id, change.id, order.brand, refused.reason(), now), now,
                    "Change " + change.id + " refused: " + refused.reason());
        }
        BuildChanged changed = (BuildChanged) answer;
        String where = changed.plannedDate() == null ? "the build waits for a slot"
                : changed.slotKept() ? "the build keeps its day " + changed.plannedDate()
                : "the build moved to " + changed.plannedDate();
        change.decide(OrderChange.Status.APPLIED, now, where);
        change.plannedDate = changed.plannedDate();
        change.slotKept = changed.slotKept();
        order.exteriorColour = change.exteriorColour;
        order.interior = change.interior;
        order.wheels = change.wheels;
        order.optionPacks = change.optionPacks;
        order.market = change.market;
        order.updatedAt = now;
        return announce(order, new OrderChanged(order.id, change.id, order.brand, change.exteriorColour, change.interior,
                        change.wheels, change.optionPackList(), change.market, changed.plannedDate(), changed.slotKept(),
                        now), now,
                "Change " + change.id + " applied (" + OrderChanges.describe(change) + "); " + where);
    }

    private Uni<Void> announce(Order order, DomainEvent outcome, Instant at, String detail) {
        return outbox.append(outcome).chain(row -> TimelineEntry.of(order.id, row.id.toString(),
                outcome.eventType().eventName(), at, detail).persist()).replaceWithVoid();
    }
}
