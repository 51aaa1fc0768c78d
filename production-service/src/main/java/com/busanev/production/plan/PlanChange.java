package com.busanev.production.plan;

import com.busanev.events.OrderChangeRequested;
import com.busanev.events.PacksAllocated;
import com.busanev.production.build.Build;
import java.util.UUID;

/** A change the plan must take in, as the events of a batch bring it; {@link Planner#apply} takes them in order. */
public sealed interface PlanChange {
    /** A new order's build, not yet stored: it is stored and slotted. */
    record Place(Build build) implements PlanChange {
    }

    /** A brand's cancel request for an order, to be decided. */
    record Cancel(UUID orderId) implements PlanChange {
    }

    /** A brand's change of an order's specification, to be decided. */
    record Respecify(OrderChangeRequested request) implements PlanChange {
    }

    /** New pack totals of a week and region. */
    record Allocate(PacksAllocated allocation) implements PlanChange {
    }
}
