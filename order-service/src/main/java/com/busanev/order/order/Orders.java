package com.busanev.order.order;

import com.busanev.events.Markets;
import com.busanev.events.OrderCancelRequested;
import com.busanev.events.OrderPlaced;
import com.busanev.kit.outbox.Outbox;
import com.busanev.kit.paging.Page;
import com.busanev.kit.paging.PageParams;
import com.busanev.kit.problem.Problem;
import com.busanev.kit.problem.ProblemException;
import com.busanev.kit.problem.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Placing, cancelling and reading orders; each change commits with its event through the outbox. */
@ApplicationScoped
public class Orders {
    private final OrderRules rules;
    private final Outbox outbox;
    private final Clock clock;
    private final ObjectMapper mapper;

    Orders(OrderRules rules, Outbox outbox, Clock clock, ObjectMapper mapper) {
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
        this.mapper = mapper;
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
        return Order.<Order>find("brand = ?1 and brandReference = ?2", brand, request.brandReference()).firstResult()
                .chain(existing -> existing != null
                        ? Uni.createFrom().failure(duplicate(request.brandReference(), existing.id))
                        : create(brand, List.of(request)).map(views -> views.get(0)));
    }

    /**
     * Every readable, valid item with a new reference is placed in one transaction; the rest get their own
     * problem. One query finds the references already taken.
     */
    @WithTransaction
    public Uni<BatchResult> placeBatch(String brand, List<JsonNode> json) {
        Item[] judged = new Item[json.size()];
        for (int i = 0; i < judged.length; i++) {
            judged[i] = read(i, json.get(i));
        }
        List<String> references = Arrays.stream(judged).filter(item -> item.problem == null)
                .map(item -> item.request.brandReference()).distinct().toList();
        return Order.<Order>find("brand = ?1 and brandReference in ?2", brand, references).list()
                .chain(found -> {
                    Map<String, UUID> taken = new HashMap<>();
                    found.forEach(order -> taken.put(order.brandReference, order.id));
                    Map<String, Integer> firstIndex = new HashMap<>();
                    List<OrderRequest> accepted = new ArrayList<>();
                    for (Item item : judged) {
                        if (item.problem != null) {
                            continue;
                        }
                        String reference = item.request.brandReference();
                        UUID existing = taken.get(reference);
                        Integer earlier = firstIndex.putIfAbsent(reference, item.index);
                        if (existing != null) {
                            item.reject(409, duplicate(reference, existing).toProblem());
                        } else if (earlier != null) {
                            item.reject(409, ProblemException.conflict("The brand reference " + reference
                                    + " is already used by item " + earlier + " of this batch.").toProblem());
                        } else {
                            accepted.add(item.request);
                        }
                    }
                    return create(brand, accepted).map(placed -> BatchResult.of(results(judged, placed)));
                });
    }

    /**
     * Records the brand's cancel request and asks the plant (OrderCancelRequested), which decides it: the order keeps
     * its status until BuildCancelled or CancelRefused comes back (OrderTracker). A request while one is pending and a
     * request on a cancelled order change nothing; an order whose build is known to have started is refused at once.
     */
    @WithTransaction
    public Uni<OrderView> requestCancel(UUID id, String brand, String reason) {
        return owned(id, Optional.of(brand)).chain(order -> {
            if (order.status == OrderStatus.CANCELLED || order.cancellation != null && order.cancellation.pending()) {
                return withTimeline(order);
            }
            if (!order.status.cancellable()) {
                return Uni.createFrom().failure(ProblemException.conflict("The order is " + order.status
                        + ": its build has started, so it can no longer be cancelled."));
            }
            Instant now = clock.instant();
            order.cancellation = Cancellation.requested(now, reason);
            order.updatedAt = now;
            return outbox.append(new OrderCancelRequested(order.id, order.brand, reason, now))
                    .chain(event -> TimelineEntry.of(order.id, event.id.toString(), "OrderCancelRequested", now,
                            reason == null ? "Cancel requested by the brand" : "Cancel requested by the brand: " + reason)
                            .persist())
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

    /**
     * Persists the orders, then their events, then their timeline entries: grouped by table, the inserts leave
     * in JDBC batches at commit instead of one round trip per row.
     */
    private Uni<List<OrderView>> create(String brand, List<OrderRequest> requests) {
        if (requests.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Instant now = clock.instant();
        List<Order> orders = requests.stream().map(request -> newOrder(brand, request, now)).toList();
        return Order.persist(orders)
                .chain(() -> Multi.createFrom().iterable(orders)
                        .onItem().transformToUniAndConcatenate(order -> outbox.append(placed(order)))
                        .collect().asList())
                .chain(events -> {
                    List<TimelineEntry> entries = new ArrayList<>();
                    for (int i = 0; i < orders.size(); i++) {
                        Order order = orders.get(i);
                        entries.add(TimelineEntry.of(order.id, events.get(i).id.toString(), "OrderPlaced", now,
                                "Placed by " + brand + " as " + order.brandReference));
                    }
                    return TimelineEntry.persist(entries).map(ignored -> {
                        List<OrderView> views = new ArrayList<>();
                        for (int i = 0; i < orders.size(); i++) {
                            views.add(OrderView.of(orders.get(i), List.of(entries.get(i))));
                        }
                        return views;
                    });
                });
    }

    private static OrderPlaced placed(Order order) {
        return new OrderPlaced(order.id, order.brand, order.brandReference, order.model, order.variant,
                order.optionPackList(), order.exteriorColour, order.market, order.region, order.requestedWeek, order.priority,
                order.createdAt);
    }

    /** One batch item read and validated on its own, so a bad item never fails the others. */
    private Item read(int index, JsonNode json) {
        OrderRequest request;
        try {
            request = mapper.treeToValue(json, OrderRequest.class);
        } catch (JsonProcessingException e) {
            return new Item(index, null, 400, unreadable(e));
        }
        try {
            validate(request);
            return new Item(index, request, 0, null);
        } catch (ProblemException invalid) {
            return new Item(index, request, 400, invalid.toProblem());
        }
    }

    private static Problem unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping
                ? mapping.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[")
                : "";
        String message = e instanceof UnrecognizedPropertyException ? "is not a known field"
                : "has the wrong type or an unknown value";
        return ProblemException.badRequest("The order cannot be read.",
                List.of(new Violation(field.isEmpty() ? "(item)" : field, message))).toProblem();
    }

    private static List<BatchResult.Item> results(Item[] judged, List<OrderView> placed) {
        List<BatchResult.Item> results = new ArrayList<>(judged.length);
        int next = 0;
        for (Item item : judged) {
            String reference = item.request == null ? null : item.request.brandReference();
            if (item.problem == null) {
                results.add(new BatchResult.Item(item.index, 201, reference, placed.get(next++).id(), null));
            } else {
                results.add(new BatchResult.Item(item.index, item.status, reference, null, item.problem));
            }
        }
        return results;
    }

    private static final class Item {
        final int index;
        final OrderRequest request;
        int status;
        Problem problem;

        Item(int index, OrderRequest request, int status, Problem problem) {
            this.index = index;
            this.request = request;
            this.status = status;
            this.problem = problem;
        }

        void reject(int status, Problem problem) {
            this.status = status;
            this.problem = problem;
        }
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
        order.statusAt = now;
        order.createdAt = now;
        order.updatedAt = now;
        return order;
    }

    private static ProblemException duplicate(String reference, UUID existing) {
        return ProblemException.conflict("The brand reference " + reference + " is already used by order "
                + existing + ".");
    }
}
