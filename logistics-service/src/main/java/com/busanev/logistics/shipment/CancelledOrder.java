package com.busanev.logistics.shipment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An order cancelled before its car was built: when the car comes, it is held at the plant, never booked. */
@Entity
@Table(name = "cancelled_order")
public class CancelledOrder extends PanacheEntityBase {
    @Id
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
}
