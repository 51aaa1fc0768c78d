package com.busanev.supplier.allocation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A tombstone: the order was cancelled. OrderCancelled and the plant's build events travel on different topics, so
 * a build event may arrive after the cancel; it must not bring the order back as demand.
 */
@Entity
@Table(name = "cancelled_order")
public class CancelledOrder extends PanacheEntityBase {
    @Id
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
}
