package com.busanev.order.order;

import static com.busanev.kit.sql.ArrayColumns.texts;
import static com.busanev.kit.sql.ArrayColumns.timeTexts;
import static com.busanev.kit.sql.ArrayColumns.uuids;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One step in an order's history; late and duplicate events land here even when the status stays. */
@Entity
@Table(name = "order_timeline")
public class TimelineEntry extends PanacheEntityBase {
    private static final String INSERT_ALL = """
            INSERT INTO order_timeline (id, order_id, event_id, event_type, occurred_at, detail)
            SELECT * FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS uuid[]), CAST(?3 AS text[]), CAST(?4 AS text[]),
                                 CAST(CAST(?5 AS text[]) AS timestamptz[]), CAST(?6 AS text[]))""";

    @Id
    public UUID id;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "event_type")
    public String eventType;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    public String detail;

    /**
     * Inserts the entries with one statement, in the caller's transaction (the order tracker's batch): as entities
     * they were a row each through Hibernate's persistence context, the largest part of the tracker's CPU.
     */
    public static Uni<Void> insertAll(List<TimelineEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_ALL)
                .setParameter(1, uuids(entries, entry -> entry.id))
                .setParameter(2, uuids(entries, entry -> entry.orderId))
                .setParameter(3, texts(entries, entry -> entry.eventId))
                .setParameter(4, texts(entries, entry -> entry.eventType))
                .setParameter(5, timeTexts(entries, entry -> entry.occurredAt))
                .setParameter(6, texts(entries, entry -> entry.detail))
                .executeUpdate()).replaceWithVoid();
    }

    public static TimelineEntry of(UUID orderId, String eventId, String eventType, Instant occurredAt, String detail) {
        TimelineEntry entry = new TimelineEntry();
        entry.id = UUID.randomUUID();
        entry.orderId = orderId;
        entry.eventId = eventId;
        entry.eventType = eventType;
        entry.occurredAt = occurredAt;
        entry.detail = detail;
        return entry;
    }
}
