package com.busanev.order.order;

import com.busanev.events.Markets;
import com.busanev.events.OrderCancelled;
import com.busanev.events.OrderPlaced;
import com.busanev.kit.outbox.Outbox;
import com.busanev.kit.paging.Page;
import com.busanev.kit.paging.PageParams;

import com.busanev.kit.problem.ProblemException;
import com.busanev.kit.problem.Violation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Placing, cancelling and reading orders; each change commits with its event through the outbox. */
@ApplicationScoped
public class Orders {
    private final OrderRules rules;
    private final Outbox outbox;
    private final Clock clock;

    Orders(OrderRules rules, Outbox outbox, Clock clock) {
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Fails with 400 listing every violation; call before opening the transaction. */
    public void validate(OrderRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("(body)", "an order is required");
        }
        List<Violation> violations = rules.violations(request);
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("The order has " + violations.size() + " invalid value(s).", violations);
        }
    }

    /** Runs inside the caller's transaction (shared with the Idempotency-Key record). */
    public Uni<OrderView> place(String brand, OrderRequest request) {
        return Order.count("brand = ?1 and brandReference = ?2", brand, request.brandReference())
                .chain(existing -> existing > 0
                        ? Uni.createFrom().failure(duplicate(request.brandReference()))
                        : persist(brand, request, clock.instant()));
    }

    /** Every valid item with a new reference is placed in one transaction; the rest get their own problem. */
    @WithTransaction
    public Uni<BatchResult> placeBatch(String brand, List<OrderRequest> requests) {
        List<String> references = requests.stream().filter(r -> r != null && r.brandReference() != null)
                .map(OrderRequest::brandReference).distinct().toList();
        return Order.<Order>find("brand = ?1 and brandReference in ?2", brand, references).list()
                .map(found -> found.stream().map(o -> o.brandReference).collect(Collectors.toCollection(HashSet::new)))
                .chain(taken -> placeEach(brand, requests, taken));
    }

    private Uni<BatchResult> placeEach(String brand, List<OrderRequest> requests, Set<String> taken) {
        Instant now = clock.instant();
        List<BatchResult.Item> items = new ArrayList<>();
        List<OrderRequest> accepted = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            OrderRequest request = requests.get(i);
            String reference = request == null ? null : request.brandReference();
            try {
                validate(request);
            } catch (ProblemException invalid) {
                items.add(new BatchResult.Item(i, 400, reference, null, invalid.toProblem()));
                continue;
            }
            if (!taken.add(reference)) {
                items.add(new BatchResult.Item(i, 409, reference, null, duplicate(reference).toProblem()));
                continue;
            }
            items.add(null);
            accepted.add(request);
        }
        // A reactive session allows one operation at a time: persist in sequence; the inserts are flushed
        // together, in JDBC batches, at commit.
        return Multi.createFrom().iterable(accepted)
                .onItem().transformToUniAndConcatenate(request -> persist(brand, request, now))
                .collect().asList()
                .map(views -> {
                    int next = 0;
                    for (int i = 0; i < items.size(); i++) {
                        if (items.get(i) == null) {
                            OrderView view = views.get(next++);
                            items.set(i, new BatchResult.Item(i, 201, view.brandReference(), view.id(), null));
                        }
                    }
                    return BatchResult.of(items);
                });
    }

    private Uni<OrderView> persist(String brand, OrderRequest request, Instant now) {
        Order order = newOrder(brand, request, now);
        OrderPlaced placed = new OrderPlaced(order.id, brand, order.brandReference, order.model, order.variant,
                order.optionPackList(), order.market, order.region, order.requestedWeek, order.priority, now);
        return order.persist()
                .chain(() -> outbox.append(placed))
                .chain(event -> TimelineEntry.of(order.id, event.id.toString(), "OrderPlaced", now,
                        "Placed by " + brand + " as " + order.brandReference).persist())
                .map(entry -> OrderView.of(order, List.of((TimelineEntry) entry)));
    }

    @WithTransaction
    public Uni<OrderView> cancel(UUID id, Optional<String> brand, String reason) {
        return owned(id, brand).chain(order -> {
            if (order.status == OrderStatus.CANCELLED) {
                return withTimeline(order);
            }
            if (!order.status.cancellable()) {
                return Uni.createFrom().failure(ProblemException.conflict("The order is " + order.status
                        + ": a cancel is accepted only until its build starts."));
            }
            Instant now = clock.instant();
            order.status = OrderStatus.CANCELLED;
            order.updatedAt = now;
            return outbox.append(new OrderCancelled(order.id, order.brand, reason, now))
                    .chain(event -> TimelineEntry.of(order.id, event.id.toString(), "OrderCancelled", now,
                            reason == null ? "Cancelled by the brand" : "Cancelled by the brand: " + reason).persist())
                    .chain(() -> withTimeline(order));
        });
    }

    /** An order the caller may see: any for a viewer (brand empty), else only its brand's; 404 otherwise. */
    @WithSession
    public Uni<OrderView> find(UUID id, Optional<String> brand) {
        return owned(id, brand).chain(this::withTimeline);
    }

    @WithSession
    public Uni<Page<OrderView>> list(Optional<String> brand, OrderFilter filter, PageParams page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        brand.ifPresent(b -> {
            query.append(" and brand = :brand");
            parameters.and("brand", b);
        });
        filter.appendTo(query, parameters);
        var found = Order.<Order>find(query.toString(), Sort.descending("createdAt").and("id"), parameters)
                .page(page.page, page.size);
        return found.list().chain(orders -> found.count()
                .map(total -> Page.of(orders.stream().map(o -> OrderView.of(o, null)).toList(), page, total)));
    }

    private Uni<Order> owned(UUID id, Optional<String> brand) {
        return Order.<Order>findById(id)
                .map(order -> order == null || brand.filter(b -> !b.equals(order.brand)).isPresent() ? null : order)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No order " + id + "."));
    }

    private Uni<OrderView> withTimeline(Order order) {
        return TimelineEntry.<TimelineEntry>find("orderId", Sort.ascending("occurredAt"), order.id).list()
                .map(timeline -> OrderView.of(order, timeline));
    }

    private Order newOrder(String brand, OrderRequest request, Instant now) {
        Order order = new Order();
        order.id = UUID.randomUUID();
        order.brand = brand;
        order.brandReference = request.brandReference();
        order.model = Polestar4.MODEL;
        order.variant = request.variant().name();
        order.exteriorColour = request.exteriorColour().name();
        order.interior = request.interior().name();
        order.optionPacks = request.packs().stream().map(Enum::name).collect(Collectors.joining(","));
        order.wheels = request.wheels().name();
        order.market = request.market();
        order.region = Markets.regionOf(request.market()).orElseThrow();
        order.requestedWeek = request.requestedWeek();
        order.priority = request.priorityOrDefault();
        order.status = OrderStatus.RECEIVED;
        order.createdAt = now;
        order.updatedAt = now;
        return order;
    }

    private static ProblemException duplicate(String reference) {
        return ProblemException.conflict("The brand reference " + reference + " is already used by another order.");
    }

}
