package com.busanev.kit.outbox;

import static com.busanev.kit.sql.ArrayColumns.texts;
import static com.busanev.kit.sql.ArrayColumns.timeTexts;
import static com.busanev.kit.sql.ArrayColumns.uuids;

import com.busanev.events.DomainEvent;
import com.busanev.events.EventJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Appends events to the outbox inside the caller's transaction; {@link OutboxRelay} publishes them, woken when the
 * transaction commits.
 */
@ApplicationScoped
public class Outbox {
    /** Rows in array order, so each gets its {@code seq} in the order the events were appended. */
    private static final String INSERT_ALL = """
            INSERT INTO outbox_event (id, topic, event_type, subject, payload, occurred_at)
            SELECT id, topic, event_type, subject, payload, occurred_at
            FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS text[]), CAST(?3 AS text[]), CAST(?4 AS text[]), CAST(?5 AS text[]),
                        CAST(CAST(?6 AS text[]) AS timestamptz[])) WITH ORDINALITY
                AS e(id, topic, event_type, subject, payload, occurred_at, n)
            ORDER BY n""";
    private final Clock clock;

    Outbox(Clock clock) {
        this.clock = clock;
    }

    /** Must run inside a transaction (e.g. {@code @WithTransaction}) so it commits with the state change. */
    public Uni<OutboxEvent> append(DomainEvent event) {
        return rowOf(event).persist();
    }

    /**
     * Appends events in their order, inside the caller's transaction (as {@link #append}), with one statement: for a
     * unit of work that announces many events at once (a planning batch), where an entity per row cost a persist, a
     * cascade and a dirty check each. The session is flushed first, so an event appended before with {@link #append}
     * still comes before these in the outbox's order (its {@code seq}), as do the caller's pending writes.
     */
    public Uni<Void> appendAll(List<? extends DomainEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<OutboxEvent> rows = events.stream().map(this::rowOf).toList();
        return Panache.getSession().chain(session -> session.flush().chain(() -> session.createNativeQuery(INSERT_ALL)
                .setParameter(1, uuids(rows, row -> row.id))
                .setParameter(2, texts(rows, row -> row.topic))
                .setParameter(3, texts(rows, row -> row.eventType))
                .setParameter(4, texts(rows, row -> row.subject))
                .setParameter(5, texts(rows, row -> row.payload))
                .setParameter(6, timeTexts(rows, row -> row.occurredAt))
                .executeUpdate())).replaceWithVoid();
    }

    /**
     * The row {@link #append} writes, not persisted: for a caller that inserts it in the same SQL statement as the
     * state change it announces (one statement is one transaction), e.g. many rows at once. The relay is woken at
     * commit by the table's trigger, however the row is inserted.
     */
    public OutboxEvent rowOf(DomainEvent event) {
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.topic = event.eventType().topic();
        row.eventType = event.eventType().ceType();
        row.subject = event.subject();
        row.payload = toJson(event);
        row.occurredAt = clock.instant();
        return row;
    }

    private static String toJson(DomainEvent event) {
        try {
            return EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event cannot be serialized: " + event, e);
        }
    }
}
