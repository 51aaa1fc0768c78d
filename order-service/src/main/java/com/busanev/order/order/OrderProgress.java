package com.busanev.order.order;

import static com.busanev.kit.sql.ArrayColumns.texts;
import static com.busanev.kit.sql.ArrayColumns.timeTexts;
import static com.busanev.kit.sql.ArrayColumns.uuids;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the chain has reported about an order (its status and the planning, build and shipping facts that come with
 * it), apart from what the brand ordered: the order tracker's working copy. Read for a whole batch of events with one
 * locking query and written back with one statement ({@link #lockAll}, {@link #updateAll}), in the caller's
 * transaction: as {@link Order} entities the tracker's orders went through Hibernate's persistence context a row
 * at a time, the largest part of its CPU.
 */
public final class OrderProgress {
    /** The {@code @SqlResultSetMapping} on {@link Order} that reads a row of {@link #LOCK_ALL} into this class. */
    static final String MAPPING = "OrderProgress";
    private static final String LOCK_ALL = """
            SELECT id, status, status_at, planned_date, blocked_reason, vin, voyage_id, vessel, transport_mode,
                   destination_port, eta, hold_reason, held_at
            FROM orders WHERE id = ANY(CAST(?1 AS uuid[])) ORDER BY id FOR NO KEY UPDATE""";
    private static final String UPDATE_ALL = """
            UPDATE orders o SET status = p.status, status_at = p.status_at, planned_date = p.planned_date,
                blocked_reason = p.blocked_reason, vin = p.vin, voyage_id = p.voyage_id, vessel = p.vessel,
                transport_mode = p.transport_mode, destination_port = p.destination_port, eta = p.eta,
                hold_reason = p.hold_reason, held_at = p.held_at, updated_at = ?14, version = o.version + 1
            FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS text[]), CAST(CAST(?3 AS text[]) AS timestamptz[]),
                        CAST(CAST(?4 AS text[]) AS date[]), CAST(?5 AS text[]), CAST(?6 AS text[]), CAST(?7 AS uuid[]),
                        CAST(?8 AS text[]), CAST(?9 AS text[]), CAST(?10 AS text[]),
                        CAST(CAST(?11 AS text[]) AS timestamptz[]), CAST(?12 AS text[]),
                        CAST(CAST(?13 AS text[]) AS timestamptz[]))
                AS p(id, status, status_at, planned_date, blocked_reason, vin, voyage_id, vessel, transport_mode,
                     destination_port, eta, hold_reason, held_at)
            WHERE o.id = p.id""";

    public final UUID id;
    public OrderStatus status;
    /** When the event that set the status happened: decides between SCHEDULED and BLOCKED reported out of order. */
    public Instant statusAt;
    public LocalDate plannedDate;
    public String blockedReason;
    public String vin;
    public UUID voyageId;
    public String vessel;
    public String transportMode;
    public String destinationPort;
    public Instant eta;
    public String holdReason;
    public Instant heldAt;

    /** A row of {@link #LOCK_ALL}, through the {@link #MAPPING}; the column types are those the mapping names. */
    public OrderProgress(UUID id, String status, Instant statusAt, LocalDate plannedDate, String blockedReason,
            String vin, UUID voyageId, String vessel, String transportMode, String destinationPort, Instant eta,
            String holdReason, Instant heldAt) {
        this.id = id;
        this.status = OrderStatus.valueOf(status);
        this.statusAt = statusAt;
        this.plannedDate = plannedDate;
        this.blockedReason = blockedReason;
        this.vin = vin;
        this.voyageId = voyageId;
        this.vessel = vessel;
        this.transportMode = transportMode;
        this.destinationPort = destinationPort;
        this.eta = eta;
        this.holdReason = holdReason;
        this.heldAt = heldAt;
    }

    /**
     * Reads and locks the orders of these ids that exist, in id order: two consumers writing the same orders (the
     * tracker's production and logistics channels) then lock them in the same order and never deadlock. The lock is
     * the one the update itself takes (no key changes), so writing a row that only references an order (a change
     * request, a timeline step) does not wait for it. Runs in the caller's transaction, which holds the locks until
     * it ends.
     */
    public static Uni<List<OrderProgress>> lockAll(Collection<UUID> ids) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK_ALL,
                        session.getResultSetMapping(OrderProgress.class, MAPPING))
                .setParameter(1, ids.toArray(UUID[]::new))
                .getResultList());
    }

    /**
     * Writes the progress of these orders with one statement, in the caller's transaction (which locked them with
     * {@link #lockAll}). Each order's version moves on as an entity update would move it, so a request that read the
     * order as an entity before (a cancel or a change) fails its optimistic check instead of writing over this.
     */
    public static Uni<Void> updateAll(List<OrderProgress> orders, Instant updatedAt) {
        if (orders.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(UPDATE_ALL)
                .setParameter(1, uuids(orders, order -> order.id))
                .setParameter(2, texts(orders, order -> order.status.name()))
                .setParameter(3, timeTexts(orders, order -> order.statusAt))
                .setParameter(4, texts(orders, order -> Objects.toString(order.plannedDate, null)))
                .setParameter(5, texts(orders, order -> order.blockedReason))
                .setParameter(6, texts(orders, order -> order.vin))
                .setParameter(7, uuids(orders, order -> order.voyageId))
                .setParameter(8, texts(orders, order -> order.vessel))
                .setParameter(9, texts(orders, order -> order.transportMode))
                .setParameter(10, texts(orders, order -> order.destinationPort))
                .setParameter(11, timeTexts(orders, order -> order.eta))
                .setParameter(12, texts(orders, order -> order.holdReason))
                .setParameter(13, timeTexts(orders, order -> order.heldAt))
                .setParameter(14, updatedAt.atOffset(ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
    }

    /**
     * Applies the status an event that happened {@code at} points to: forward only, and between statuses of the
     * same rank the newer event wins. Returns whether the event is now the latest word on the status, i.e.
     * whether the facts it carries about planning (date, blocker) are current.
     */
    public boolean moveTo(OrderStatus next, Instant at) {
        boolean newer = !at.isBefore(statusAt);
        if (next != status && !status.mayMoveTo(next, newer)) {
            return false;
        }
        if (next == status && !newer) {
            return false;
        }
        status = next;
        statusAt = at;
        return true;
    }
}
