package com.busanev.kit.webhook;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event owed to one subscription, written in the transaction that records the event as consumed by the webhook
 * recorder; {@link WebhookSender} sends it. The sender writes its attempts with plain SQL (claims with
 * {@code FOR UPDATE SKIP LOCKED}); the API reads and requeues through this entity.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {
    public enum Status {
        /** Not answered with a 2xx yet: waiting for its turn, its next attempt, or its subscription's re-enabling. */
        PENDING,
        /** Answered with a 2xx. */
        DELIVERED
    }

    @Id
    public UUID id;
    /** Written by the database (bigserial): the order of creation, which breaks ties of event time within a key. */
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "subscription_id")
    public UUID subscriptionId;
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "event_type")
    public String eventType;
    /** The aggregate the event is about (order id, or week/region): deliveries of one key go in order. */
    @Column(name = "ordering_key")
    public String orderingKey;
    @Column(name = "event_time")
    public Instant eventTime;
    public String payload;
    @Enumerated(EnumType.STRING)
    public Status status;
    public int attempts;
    @Column(name = "first_attempt_at")
    public Instant firstAttemptAt;
    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_status_code")
    public Integer lastStatusCode;
    @Column(name = "last_latency_ms")
    public Integer lastLatencyMs;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}
