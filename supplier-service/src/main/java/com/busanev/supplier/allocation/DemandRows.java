package com.busanev.supplier.allocation;

import com.busanev.events.Region;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Reads and writes the demand table as plain rows, a statement per batch, in the caller's transaction. Demand is
 * written only here, by explicit statements: a batch's changes never depend on which entities the session happens to
 * manage or flush.
 */
@ApplicationScoped
class DemandRows {
    private static final String READ = "SELECT order_id, region, market, week FROM demand WHERE order_id = ANY(?1)";
    private static final String UPSERT = """
            INSERT INTO demand (order_id, region, market, week)
            SELECT * FROM unnest(cast(?1 as uuid[]), cast(?2 as text[]), cast(?3 as text[]), cast(?4 as text[]))
            ON CONFLICT (order_id) DO UPDATE SET region = excluded.region, market = excluded.market, week = excluded.week""";
    private static final String DELETE = "DELETE FROM demand WHERE order_id = ANY(?1)";

    /** The stored demand of these orders; in the caller's transaction. */
    Uni<List<DemandBatch.Row>> of(Collection<UUID> orders) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(READ, Object[].class)
                        .setParameter(1, orders.toArray(UUID[]::new))
                        .getResultList())
                .map(rows -> rows.stream().map(row -> new DemandBatch.Row((UUID) row[0], Region.valueOf((String) row[1]),
                        (String) row[2], (String) row[3])).toList());
    }

    /** Inserts or replaces these rows in one statement; in the caller's transaction. */
    Uni<Void> upsert(List<DemandBatch.Row> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter(1, rows.stream().map(DemandBatch.Row::orderId).toArray(UUID[]::new))
                        .setParameter(2, rows.stream().map(row -> row.region().name()).toArray(String[]::new))
                        .setParameter(3, rows.stream().map(DemandBatch.Row::market).toArray(String[]::new))
                        .setParameter(4, rows.stream().map(DemandBatch.Row::week).toArray(String[]::new))
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Deletes these orders' demand in one statement; in the caller's transaction. */
    Uni<Void> delete(List<UUID> orders) {
        if (orders.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(DELETE).setParameter(1, orders.toArray(UUID[]::new))
                        .executeUpdate())
                .replaceWithVoid();
    }
}
