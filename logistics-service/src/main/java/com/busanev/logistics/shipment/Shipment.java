package com.busanev.logistics.shipment;

import com.busanev.events.Region;
import com.busanev.events.TransportMode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** One built car's way from the plant to its market. */
@Entity
@Table(name = "shipment")
public class Shipment extends PanacheEntityBase {
    @Id
    @Column(name = "order_id")
    public UUID orderId;
    public String vin;
    public String brand;
    public String market;
    @Enumerated(EnumType.STRING)
    public Region region;
    @Enumerated(EnumType.STRING)
    public ShipmentStatus status;
    @Enumerated(EnumType.STRING)
    public TransportMode mode;
    @Column(name = "voyage_id")
    public UUID voyageId;
    @Column(name = "container_id")
    public String containerId;
    @Column(name = "destination_port")
    public String destinationPort;
    /** When the car reaches Busan New Port: built plus the plant-to-port lead time. */
    @Column(name = "ready_at")
    public Instant readyAt;
    public Instant eta;
    @Column(name = "booked_at")
    public Instant bookedAt;
    @Column(name = "departed_at")
    public Instant departedAt;
    @Column(name = "arrived_at")
    public Instant arrivedAt;
    /** The ETA first promised, before any delay; null until a delay moved it. */
    @Column(name = "first_eta")
    public Instant firstEta;
    /** When the latest delay was announced, and why; null for a car never delayed. */
    @Column(name = "delayed_at")
    public Instant delayedAt;
    @Column(name = "delay_reason")
    public String delayReason;
    /** Why a HELD car is not booked yet, and since when; null once released. */
    @Column(name = "hold_reason")
    public String holdReason;
    @Column(name = "held_at")
    public Instant heldAt;
    @Version
    public int version;
}
