package com.busanev.order.change;

import com.busanev.events.Markets;
import com.busanev.events.OrderChangeRequested;
import com.busanev.events.Region;
import com.busanev.kit.idempotency.IdempotencyKeys;
import com.busanev.kit.idempotency.IdempotentResult;
import com.busanev.kit.outbox.Outbox;
import com.busanev.kit.problem.ProblemException;
import com.busanev.kit.problem.Violation;
import com.busanev.order.order.Order;
import com.busanev.order.order.OrderRequest;
import com.busanev.order.order.OrderRules;
import com.busanev.order.order.OrderStatus;
import com.busanev.order.order.Polestar4;
import com.busanev.order.order.TimelineEntry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Brands' changes of their orders' specifications. order-service checks what it knows (the order, its status, the
 * region, the product rules) and records the request with OrderChangeRequested; the plant decides it (the change
 * saga, {@link ChangeOutcomes}).
 */
@ApplicationScoped
public class OrderChanges {
    private static final int ACCEPTED = 202;

    private final OrderRules rules;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;

    OrderChanges(OrderRules rules, Outbox outbox, IdempotencyKeys idempotencyKeys, Clock clock) {
        this.rules = rules;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.clock = clock;
    }

    /**
     * Records a change of the brand's order, the order's row locked so that two requests for one order are judged one
     * after the other: 404 for no order of the brand, 409 for an order cancelled, being cancelled, whose build is known
     * to have started, or with a change still pending; 400 naming the field for a market of another region or a
     * specification the Polestar 4 does not allow.
     */
    @WithTransaction
    public Uni<IdempotentResult<ChangeView>> request(UUID orderId, String brand, String key, ChangeRequest request) {
        if (request == null || request.isEmpty()) {
            throw ProblemException.badRequest("(body)", "name at least one of exteriorColour, interior, wheels, "
                    + "optionPacks, market");
        }
        return idempotencyKeys.once(key, "order-changes:" + brand + ":" + orderId, request, ChangeView.class, ACCEPTED,
                () -> Order.<Order>findById(orderId, LockModeType.PESSIMISTIC_WRITE)
                        .map(order -> order == null || !order.brand.equals(brand) ? null : order)
                        .onItem().ifNull().failWith(() -> ProblemException.notFound("No order " + orderId + "."))
                        .chain(order -> OrderChange.<OrderChange>find("orderId = ?1 and status = ?2", orderId,
                                        OrderChange.Status.REQUESTED).firstResult()
                                .chain(pending -> record(order, pending, request))));
    }

    private Uni<ChangeView> record(Order order, OrderChange pending, ChangeRequest request) {
        if (order.status == OrderStatus.CANCELLED || order.cancellation != null && order.cancellation.pending()) {
            throw ProblemException.conflict("The order is cancelled or being cancelled: it can no longer change.");
        }
        if (!order.status.cancellable()) {
            throw ProblemException.conflict("The order is " + order.status + ": its build has started, so it can no "
                    + "longer change.");
        }
        if (pending != null) {
            throw ProblemException.conflict("Change " + pending.id + " of this order is still waiting for the plant's "
                    + "answer: ask again once it is decided.");
        }
        OrderChange change = merged(order, request);
        validate(order, change);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        change.requestedAt = now;
        order.updatedAt = now;
        OrderChangeRequested event = new OrderChangeRequested(order.id, change.id, order.brand, change.exteriorColour,
                change.interior, change.wheels, change.optionPackList(), change.market, order.region, now);
        return change.persist()
                .chain(() -> outbox.append(event))
                .chain(row -> TimelineEntry.of(order.id, row.id.toString(), "OrderChangeRequested", now,
                        "Change " + change.id + " requested by the brand: " + describe(change)).persist())
                .map(ignored -> ChangeView.of(change));
    }

    /** The order's specification with the requested fields replaced. */
    private static OrderChange merged(Order order, ChangeRequest request) {
        OrderChange change = new OrderChange();
        change.id = UUID.randomUUID();
        change.orderId = order.id;
        change.status = OrderChange.Status.REQUESTED;
        change.exteriorColour = request.exteriorColour() != null ? request.exteriorColour().name() : order.exteriorColour;
        change.interior = request.interior() != null ? request.interior().name() : order.interior;
        change.wheels = request.wheels() != null ? request.wheels().name() : order.wheels;
        change.optionPacks = request.optionPacks() != null
                ? request.optionPacks().stream().map(Enum::name).collect(Collectors.joining(",")) : order.optionPacks;
        change.market = request.market() != null ? request.market() : order.market;
        return change;
    }

    /** The merged specification must be a Polestar 4 the brand could order in the order's region, and differ. */
    private void validate(Order order, OrderChange change) {
        OrderRequest asOrdered = new OrderRequest(order.brandReference, Polestar4.Variant.valueOf(order.variant),
                Polestar4.ExteriorColour.valueOf(change.exteriorColour), Polestar4.Interior.valueOf(change.interior),
                change.optionPackList().stream().map(Polestar4.OptionPack::valueOf).toList(),
                Polestar4.Wheels.valueOf(change.wheels), change.market, null, order.priority);
        List<Violation> violations = new ArrayList<>(rules.violations(asOrdered));
        Optional<Region> region = Markets.regionOf(change.market);
        if (region.isPresent() && region.get() != order.region) {
            violations.add(new Violation("market", "must be a market of the order's region " + order.region
                    + ": a change cannot move the car to another region"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("The change has " + violations.size() + " invalid value(s).", violations);
        }
        if (Objects.equals(change.exteriorColour, order.exteriorColour) && Objects.equals(change.interior, order.interior)
                && Objects.equals(change.wheels, order.wheels) && Objects.equals(change.optionPacks, order.optionPacks)
                && Objects.equals(change.market, order.market)) {
            throw ProblemException.badRequest("(body)", "changes nothing: the order already has this specification");
        }
    }

    /** The changes of an order the caller may see (any for a viewer, brand empty), oldest first; 404 otherwise. */
    @WithSession
    public Uni<List<ChangeView>> list(UUID orderId, Optional<String> brand) {
        return Order.<Order>findById(orderId)
                .map(order -> order == null || brand.filter(b -> !b.equals(order.brand)).isPresent() ? null : order)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No order " + orderId + "."))
                .chain(order -> OrderChange.<OrderChange>find("orderId", Sort.ascending("requestedAt"), orderId).list())
                .map(changes -> changes.stream().map(ChangeView::of).toList());
    }

    static String describe(OrderChange change) {
        return "colour " + change.exteriorColour + ", interior " + change.interior + ", wheels " + change.wheels
                + ", packs [" + change.optionPacks + "], market " + change.market;
    }
}
