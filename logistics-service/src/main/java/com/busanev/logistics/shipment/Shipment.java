package com.busanev.logistics.shipment;

import static com.busanev.kit.sql.ArrayColumns.texts;
import static com.busanev.kit.sql.ArrayColumns.timeTexts;
import static com.busanev.kit.sql.ArrayColumns.uuids;

import com.busanev.events.Region;
import com.busanev.events.TransportMode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
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

    private static final String INSERT_ALL = """
            INSERT INTO shipment (order_id, vin, brand, market, region, status, mode, voyage_id, container_id,
                                  destination_port, ready_at, eta, booked_at, hold_reason, held_at, version)
            SELECT *, 0 FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS text[]), CAST(?3 AS text[]), CAST(?4 AS text[]),
                                    CAST(?5 AS text[]), CAST(?6 AS text[]), CAST(?7 AS text[]), CAST(?8 AS uuid[]),
                                    CAST(?9 AS text[]), CAST(?10 AS text[]), CAST(CAST(?11 AS text[]) AS timestamptz[]),
                                    CAST(CAST(?12 AS text[]) AS timestamptz[]), CAST(CAST(?13 AS text[]) AS timestamptz[]),
                                    CAST(?14 AS text[]), CAST(CAST(?15 AS text[]) AS timestamptz[]))""";

    /** The ids as one array: Hibernate translates a query with an {@code in} list again at every call. */
    private static final String LOCKED_NOT_BOOKED = """
            SELECT * FROM shipment WHERE order_id = ANY(CAST(?1 AS uuid[])) AND status IN ('HELD', 'UNBOOKED')
            ORDER BY ready_at, order_id FOR NO KEY UPDATE""";

    /** These orders' cars not booked yet (held or waiting), locked, in the order they were ready. */
    static Uni<List<Shipment>> lockedNotBooked(Collection<UUID> orderIds) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCKED_NOT_BOOKED, Shipment.class)
                .setParameter(1, orderIds.toArray(UUID[]::new)).getResultList());
    }

    /** Which of these orders have a shipment already, with one query (a list of ids as one array parameter). */
    static Uni<List<UUID>> known(List<UUID> orderIds) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT order_id FROM shipment WHERE order_id = ANY(CAST(?1 AS uuid[]))", UUID.class)
                .setParameter(1, orderIds.toArray(UUID[]::new)).getResultList());
    }

    /**
     * Inserts new shipments (booked, held or waiting, never departed) with one statement, in the caller's transaction:
     * a batch of built cars as entities went through Hibernate's persistence context a row at a time.
     */
    static Uni<Void> insertAll(List<Shipment> shipments) {
        if (shipments.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_ALL)
                .setParameter(1, uuids(shipments, car -> car.orderId))
                .setParameter(2, texts(shipments, car -> car.vin))
                .setParameter(3, texts(shipments, car -> car.brand))
                .setParameter(4, texts(shipments, car -> car.market))
                .setParameter(5, texts(shipments, car -> car.region.name()))
                .setParameter(6, texts(shipments, car -> car.status.name()))
                .setParameter(7, texts(shipments, car -> car.mode == null ? null : car.mode.name()))
                .setParameter(8, uuids(shipments, car -> car.voyageId))
                .setParameter(9, texts(shipments, car -> car.containerId))
                .setParameter(10, texts(shipments, car -> car.destinationPort))
                .setParameter(11, timeTexts(shipments, car -> car.readyAt))
                .setParameter(12, timeTexts(shipments, car -> car.eta))
                .setParameter(13, timeTexts(shipments, car -> car.bookedAt))
                .setParameter(14, texts(shipments, car -> car.holdReason))
                .setParameter(15, timeTexts(shipments, car -> car.heldAt))
                .executeUpdate()).replaceWithVoid();
    }
}
