package com.busanev.kit.outbox;

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
    private final Clock clock;

    Outbox(Clock clock) {
        this.clock = clock;
    }

    /** Must run inside a transaction (e.g. {@code @WithTransaction}) so it commits with the state change. */
    public Uni<OutboxEvent> append(DomainEvent event) {
        return rowOf(event).persist();
    }

    /**
     * Appends events in their order, inside the caller's transaction (as {@link #append}), as one run of rows: a
     * caller that writes many rows of its own tables too appends its events together, so the flush batches them
     * (Hibernate batches only consecutive inserts into one table).
     */
    public Uni<Void> appendAll(List<? extends DomainEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.persistAll(events.stream().map(this::rowOf).toArray()));
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
