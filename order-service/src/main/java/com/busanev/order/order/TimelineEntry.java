package com.busanev.order.order;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step in an order's history; late and duplicate events land here even when the status stays. */
@Entity
@Table(name = "order_timeline")
public class TimelineEntry extends PanacheEntityBase {
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
