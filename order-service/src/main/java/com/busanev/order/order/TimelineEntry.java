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
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One step in an order's history; late and duplicate events land here even when the status stays. A step is the
 * event it records, so it is keyed by its order and its event.
 */
@Entity
@Table(name = "order_timeline")
@IdClass(TimelineEntry.Key.class)
public class TimelineEntry extends PanacheEntityBase {
    private static final String RECORD_NEW = """
            INSERT INTO order_timeline (order_id, event_id, event_type, occurred_at, detail)
            SELECT * FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS text[]), CAST(?3 AS text[]),
                                 CAST(CAST(?4 AS text[]) AS timestamptz[]), CAST(?5 AS text[]))
            ON CONFLICT DO NOTHING RETURNING event_id""";

    @Id
    @Column(name = "order_id")
    public UUID orderId;
    @Id
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "event_type")
    public String eventType;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    public String detail;

    /**
     * Inserts the entries with one statement, in the caller's transaction (the order tracker's batch), and returns
     * the ids of the events whose entry is new, as a set of the caller's: an entry there already (its event was
     * applied before) is left as it is, so the timeline is the tracker's record of the events it applied. As entities
     * the entries were a row each through Hibernate's persistence context, the largest part of the tracker's CPU.
     */
    public static Uni<Set<String>> recordNew(List<TimelineEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().item(new HashSet<>());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(RECORD_NEW, String.class)
                .setParameter(1, uuids(entries, entry -> entry.orderId))
                .setParameter(2, texts(entries, entry -> entry.eventId))
                .setParameter(3, texts(entries, entry -> entry.eventType))
                .setParameter(4, timeTexts(entries, entry -> entry.occurredAt))
                .setParameter(5, texts(entries, entry -> entry.detail))
                .getResultList()).map(HashSet::new);
    }

    public static TimelineEntry of(UUID orderId, String eventId, String eventType, Instant occurredAt, String detail) {
        TimelineEntry entry = new TimelineEntry();
        entry.orderId = orderId;
        entry.eventId = eventId;
        entry.eventType = eventType;
        entry.occurredAt = occurredAt;
        entry.detail = detail;
        return entry;
    }

    /** The key of a step: its order and the id of the event it records. */
    public record Key(UUID orderId, String eventId) implements Serializable {
    }
}
