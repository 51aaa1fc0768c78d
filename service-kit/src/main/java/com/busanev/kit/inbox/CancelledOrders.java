package com.busanev.kit.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Orders whose OrderCancelled this service has consumed. A service that follows an order on two topics (the
 * cancel on order-events, the plant's events on production-events) can read the cancel before an event the order
 * made earlier; it remembers the cancel here and ignores, or holds back, what comes after. A service that uses it
 * creates {@code cancelled_order (order_id uuid PRIMARY KEY, cancelled_at timestamptz NOT NULL)} in its own
 * migrations. Both methods run in the caller's transaction.
 */
@ApplicationScoped
public class CancelledOrders {
    private static final String REMEMBER = """
            INSERT INTO cancelled_order (order_id, cancelled_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING""";
    private static final String FIND = "SELECT count(*) FROM cancelled_order WHERE order_id = ?1";

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
}
