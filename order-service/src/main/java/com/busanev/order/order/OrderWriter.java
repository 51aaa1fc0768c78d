package com.busanev.order.order;

import static com.busanev.kit.sql.ArrayColumns.texts;
import static com.busanev.kit.sql.ArrayColumns.times;
import static com.busanev.kit.sql.ArrayColumns.uuids;

import com.busanev.kit.idempotency.IdempotencyRecord;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Writes new orders with their outbox rows, timeline entries and Idempotency-Key records in ONE SQL statement
 * (data-modifying CTEs over arrays): one round trip, and atomic, since PostgreSQL runs a statement as one
 * transaction. Any unique violation (a brand reference or key already used, by a committed order or one of the same
 * statement) fails the whole statement: nothing of it is written, and the caller sorts the orders out.
 */
@ApplicationScoped
class OrderWriter {
    /** SQLSTATE of a unique violation, and of a deadlock between two statements writing the same keys. */
    private static final List<String> CONFLICTS = List.of("23505", "40P01");
    private static final String INSERT = """
            WITH placed AS (
                INSERT INTO orders (id, brand, brand_reference, model, variant, exterior_colour, interior, option_packs,
                    wheels, market, region, requested_week, priority, status, status_at, created_at, updated_at, version,
                    promised_week, promised_from, promised_to)
                SELECT id, brand, reference, model, variant, colour, interior, packs, wheels, market, region, week,
                    priority, status, at, at, at, 0, promised_week, promised_from, promised_to
                FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                    $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::int[], $14::text[],
                    $15::timestamptz[], $32::text[], $33::timestamptz[], $34::timestamptz[])
                    AS o(id, brand, reference, model, variant, colour, interior, packs, wheels, market, region, week,
                    priority, status, at, promised_week, promised_from, promised_to)
            ), events AS (
                INSERT INTO outbox_event (id, topic, event_type, subject, payload, occurred_at)
                SELECT * FROM unnest($16::uuid[], $17::text[], $18::text[], $19::text[], $20::text[], $21::timestamptz[])
            ), steps AS (
                INSERT INTO order_timeline (order_id, event_id, event_type, occurred_at, detail)
                SELECT * FROM unnest($22::uuid[], $23::text[], $24::text[], $25::timestamptz[], $26::text[])
            )
            INSERT INTO idempotency_key (scope, idempotency_key, request_hash, response_status, response_body)
            SELECT * FROM unnest($27::text[], $28::text[], $29::text[], $30::int[], $31::text[])""";

    private final Pool pool;

    OrderWriter(Pool pool) {
        this.pool = pool;
    }

    /** Whether a write failed because something it writes exists already (so it may be sorted out and retried). */
    static boolean isConflict(Throwable failure) {
        return failure instanceof PgException pg && CONFLICTS.contains(pg.getSqlState());
    }

    Uni<Void> insert(List<NewOrder> orders, List<IdempotencyRecord> keys) {
        List<Order> o = orders.stream().map(NewOrder::order).toList();
        var e = orders.stream().map(NewOrder::placed).toList();
        List<TimelineEntry> t = orders.stream().map(NewOrder::entry).toList();
        Tuple values = Tuple.from(List.of(
                uuids(o, order -> order.id), texts(o, order -> order.brand), texts(o, order -> order.brandReference),
                texts(o, order -> order.model), texts(o, order -> order.variant), texts(o, order -> order.exteriorColour),
                texts(o, order -> order.interior), texts(o, order -> order.optionPacks), texts(o, order -> order.wheels),
                texts(o, order -> order.market), texts(o, order -> order.region.name()),
                texts(o, order -> order.requestedWeek), o.stream().map(order -> order.priority).toArray(Integer[]::new),
                texts(o, order -> order.status.name()), times(o, order -> order.createdAt),
                uuids(e, event -> event.id), texts(e, event -> event.topic), texts(e, event -> event.eventType),
                texts(e, event -> event.subject), texts(e, event -> event.payload), times(e, event -> event.occurredAt),
                uuids(t, entry -> entry.orderId), texts(t, entry -> entry.eventId),
                texts(t, entry -> entry.eventType), times(t, entry -> entry.occurredAt), texts(t, entry -> entry.detail),
                texts(keys, IdempotencyRecord::scope), texts(keys, IdempotencyRecord::key),
                texts(keys, IdempotencyRecord::requestHash),
                keys.stream().map(IdempotencyRecord::responseStatus).toArray(Integer[]::new),
                texts(keys, IdempotencyRecord::responseBody),
                texts(o, order -> order.promisedWeek), times(o, order -> order.promisedFrom),
                times(o, order -> order.promisedTo)));
        return pool.preparedQuery(INSERT).execute(values).replaceWithVoid();
    }
}
