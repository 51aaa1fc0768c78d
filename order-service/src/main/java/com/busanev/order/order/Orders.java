package com.busanev.order.order;

import com.busanev.events.Markets;
import com.busanev.events.OrderCancelRequested;
import com.busanev.events.OrderPlaced;
import com.busanev.kit.idempotency.IdempotencyKeys;
import com.busanev.kit.idempotency.IdempotencyRecord;
import com.busanev.kit.idempotency.IdempotentResult;
import com.busanev.kit.outbox.Outbox;
import com.busanev.kit.outbox.OutboxEvent;
import com.busanev.kit.paging.ListFilter;
import com.busanev.kit.paging.Page;
import com.busanev.kit.paging.PageParams;
import com.busanev.kit.problem.Problem;
import com.busanev.kit.problem.ProblemException;
import com.busanev.kit.problem.Violation;
import com.busanev.order.promise.Promise;
import com.busanev.order.promise.PromiseModel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Placing, cancelling and reading orders; each change commits with its event through the outbox. */
@ApplicationScoped
public class Orders {
    private static final int CREATED = 201;
    private static final int OK = 200;
    /** Writes of one request that may meet a conflict that is gone when looked at (the write it met rolled back). */
    private static final int MAX_ATTEMPTS = 3;
    private final OrderRules rules;
    private final Outbox outbox;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final IdempotencyKeys idempotencyKeys;
    private final OrderWriter writer;
    private final PromiseModel promises;

    Orders(OrderRules rules, Outbox outbox, Clock clock, ObjectMapper mapper, IdempotencyKeys idempotencyKeys,
            OrderWriter writer, PromiseModel promises) {
        this.promises = promises;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
        this.mapper = mapper;
        this.idempotencyKeys = idempotencyKeys;
        this.writer = writer;
    }

    /** Fails with 400 listing every violation. */
    public void validate(OrderRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("(body)", "an order is required");
        }
        List<Violation> violations = rules.violations(request);
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("The order has " + violations.size() + " invalid value(s).", violations);
        }
    }

    /**
     * Places one order: validated, then written with its event, timeline entry and Idempotency-Key record in one
     * statement ({@link OrderWriter}): no look-up first. If the write conflicts, the key decides (its first result
     * replayed, or 422 for another body), then the reference (409); if neither is there (the write it met rolled
     * back), the order is written again.
     */
    public Uni<IdempotentResult<OrderView>> place(String brand, String key, OrderRequest request) {
        validate(request);
        if (key != null) {
            idempotencyKeys.requireValid(key);
        }
        return place(brand, key, request, 1);
    }

    private Uni<IdempotentResult<OrderView>> place(String brand, String key, OrderRequest request, int attempt) {
        String scope = "orders:" + brand;
        NewOrder order = newOrder(brand, request, now());
        OrderView view = order.view();
        IdempotencyRecord record = key == null ? null : idempotencyKeys.record(key, scope, request, CREATED, view);
        return writer.insert(List.of(order), record == null ? List.of() : List.of(record))
                .replaceWith(() -> new IdempotentResult<>(CREATED, view, false))
                .onFailure(failure -> OrderWriter.isConflict(failure) && attempt < MAX_ATTEMPTS)
                .recoverWithUni(() -> Panache.withSession(() -> stored(key, scope, request, OrderView.class)
                                .onItem().ifNull().switchTo(() -> failIfTaken(brand, request.brandReference())))
                        .onItem().ifNull().switchTo(() -> place(brand, key, request, attempt + 1)));
    }

    /**
     * Up to 1,000 orders, per item (not all-or-nothing): every readable, valid item with a new reference is placed,
     * all in one statement with the batch's Idempotency-Key record; the others get their own problem. As for one
     * order, nothing is looked up first: a new batch with new references (nearly every batch) is that one statement.
     * If it conflicts (its key used before, or a reference taken), it writes nothing, and the batch is judged again
     * against what is stored: the key's first result replayed, or the taken references looked up (409 each).
     */
    public Uni<IdempotentResult<BatchResult>> placeBatch(String brand, String key, BatchRequest batch) {
        if (key != null) {
            idempotencyKeys.requireValid(key);
        }
        List<Item> read = IntStream.range(0, batch.items().size()).mapToObj(i -> read(i, batch.items().get(i))).toList();
        return placeBatch(brand, key, batch, read, 1);
    }

    private Uni<IdempotentResult<BatchResult>> placeBatch(String brand, String key, BatchRequest batch, List<Item> read,
            int attempt) {
        String scope = "orders-batch:" + brand;
        // Without the look-up a new batch also stays off a query whose plan depends on fresh statistics of a growing
        // table (docs/benchmarks: batch intake fell to a tenth until PostgreSQL had analysed the orders again).
        Uni<Judged> judging = attempt == 1 ? Uni.createFrom().item(() -> judge(brand, read, List.of()))
                : Panache.withSession(() -> stored(key, scope, batch, BatchResult.class)
                        .chain(replayed -> replayed != null ? Uni.createFrom().item(new Judged(replayed, null, null))
                                : Order.<Order>find("brand = ?1 and brandReference in ?2", brand, references(read)).list()
                                        .map(taken -> judge(brand, read, taken))));
        return judging.chain(judged -> {
            if (judged.replayed() != null) {
                return Uni.createFrom().item(judged.replayed());
            }
            List<IdempotencyRecord> records = key == null ? List.of()
                    : List.of(idempotencyKeys.record(key, scope, batch, OK, judged.result()));
            return writer.insert(judged.placed(), records)
                    .replaceWith(() -> new IdempotentResult<>(OK, judged.result(), false))
                    .onFailure(failure -> OrderWriter.isConflict(failure) && attempt < MAX_ATTEMPTS)
                    .recoverWithUni(() -> placeBatch(brand, key, batch, read, attempt + 1));
        });
    }

    /** The brand references of the batch's valid items. */
    private static List<String> references(List<Item> read) {
        return read.stream().filter(item -> item.problem() == null).map(item -> item.request().brandReference())
                .distinct().toList();
    }

    /** A batch judged: its replayed first result, or its results and the orders to write for them. */
    private record Judged(IdempotentResult<BatchResult> replayed, BatchResult result, List<NewOrder> placed) {
    }

    private Judged judge(String brand, List<Item> read, List<Order> found) {
        Map<String, UUID> taken = new HashMap<>();
        found.forEach(order -> taken.put(order.brandReference, order.id));
        Map<String, Integer> firstIndex = new HashMap<>();
        Instant now = now();
        List<NewOrder> placed = new ArrayList<>();
        List<BatchResult.Item> results = new ArrayList<>(read.size());
        for (Item item : read) {
            String reference = item.request() == null ? null : item.request().brandReference();
            if (item.problem() != null) {
                results.add(new BatchResult.Item(item.index(), item.status(), reference, null, null, item.problem()));
                continue;
            }
            UUID existing = taken.get(reference);
            Integer earlier = firstIndex.putIfAbsent(reference, item.index());
            if (existing != null) {
                results.add(new BatchResult.Item(item.index(), 409, reference, null, null,
                        duplicate(reference, existing).toProblem()));
            } else if (earlier != null) {
                results.add(new BatchResult.Item(item.index(), 409, reference, null, null, ProblemException.conflict(
                        "The brand reference " + reference + " is already used by item " + earlier + " of this batch.")
                        .toProblem()));
            } else {
                NewOrder order = newOrder(brand, item.request(), now);
                placed.add(order);
                results.add(new BatchResult.Item(item.index(), CREATED, reference, order.order().id, order.view().promise(),
                        null));
            }
        }
        return new Judged(null, BatchResult.of(results), placed);
    }

    /** The stored first result for the key (null without a key or without a result); runs in the caller's session. */
    private <T> Uni<IdempotentResult<T>> stored(String key, String scope, Object request, Class<T> responseType) {
        return key == null ? Uni.createFrom().nullItem() : idempotencyKeys.stored(key, scope, request, responseType);
    }

    /** 409 naming the order that has the reference; null when none has it. */
    private <T> Uni<T> failIfTaken(String brand, String reference) {
        return Order.<Order>find("brand = ?1 and brandReference = ?2", brand, reference).firstResult()
                .chain(existing -> existing != null ? Uni.createFrom().failure(duplicate(reference, existing.id))
                        : Uni.createFrom().nullItem());
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
        ListFilter where = filter.narrow(ListFilter.all().and("brand = :brand", "brand", brand.orElse(null)));
        var found = Order.<Order>find(where.query(), Sort.descending("createdAt").and("id"), where.parameters())
                .page(page.page, page.size);
        return found.list().chain(orders -> found.count()
                .map(total -> Page.of(orders.stream().map(o -> OrderView.of(o, null)).toList(), page, total)));
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

    /** One batch item as read and validated on its own: a request, or the problem (status 400) that refuses it. */
    private record Item(int index, OrderRequest request, int status, Problem problem) {
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

    private NewOrder newOrder(String brand, OrderRequest request, Instant now) {
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
        Promise promise = promises.promise(order.market, order.requestedWeek, 1);
        if (promise != null) {
            order.promisedWeek = promise.buildWeek();
            order.promisedFrom = promise.deliveryFrom();
            order.promisedTo = promise.deliveryTo();
        }
        order.createdAt = now;
        order.updatedAt = now;
        OutboxEvent placed = outbox.rowOf(placed(order));
        TimelineEntry entry = TimelineEntry.of(order.id, placed.id.toString(), "OrderPlaced", now,
                "Placed by " + brand + " as " + order.brandReference);
        return new NewOrder(order, placed, entry);
    }

    /** The clock's now at the database's precision, so that an answer shows what a later read returns. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static ProblemException duplicate(String reference, UUID existing) {
        return ProblemException.conflict("The brand reference " + reference + " is already used by order "
                + existing + ".");
    }
}
