package com.busanev.kit.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Tombstones of cancelled orders: an event of the order that comes after its cancel (an OrderPlaced the plant never
 * saw, a build event replayed from a dead letter) must not bring it back. The service remembers the cancel here and
 * ignores what comes after. A service that uses it creates
 * {@code cancelled_order (order_id uuid PRIMARY KEY, cancelled_at timestamptz NOT NULL)} in its own migrations.
 * All methods run in the caller's transaction.
 */
@ApplicationScoped
public class CancelledOrders {
    private static final String REMEMBER = """
            INSERT INTO cancelled_order (order_id, cancelled_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING""";
    private static final String FIND = "SELECT count(*) FROM cancelled_order WHERE order_id = ?1";
    private static final String FIND_ALL = """
            SELECT cast(order_id as text) FROM cancelled_order WHERE order_id = ANY(cast(?1 as uuid[]))""";

    /** True the first time this order's cancel is remembered. */
    public Uni<Boolean> remember(UUID orderId, Instant cancelledAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery(REMEMBER)
                        .setParameter(1, orderId).setParameter(2, cancelledAt).executeUpdate())
                .map(inserted -> inserted == 1);
    }

    public Uni<Boolean> isCancelled(UUID orderId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(FIND, Long.class)
                        .setParameter(1, orderId).getSingleResult())
                .map(found -> found > 0);
    }

    /** The cancelled ones among {@code orderIds}, in one query (for a consumer applying a batch of events). */
    public Uni<Set<UUID>> cancelledAmong(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        UUID[] ids = orderIds.toArray(UUID[]::new);
        return Panache.getSession().chain(session -> session.createNativeQuery(FIND_ALL, String.class)
                        .setParameter(1, ids).getResultList())
                .map(found -> found.stream().map(UUID::fromString).collect(Collectors.toSet()));
    }
}
