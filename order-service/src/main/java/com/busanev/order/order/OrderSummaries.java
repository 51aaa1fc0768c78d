package com.busanev.order.order;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Counts orders in the database (one GROUP BY), so that no client has to page through them to count. */
@ApplicationScoped
public class OrderSummaries {
    private static final String GROUPED = "select new com.busanev.order.order.OrderSummary$Cell(o.status, o.market, count(o))"
            + " from Order o%s group by o.status, o.market order by o.status, o.market";

    /** The orders of {@code brand}, or of every brand when it is empty (the same scope as the order list). */
    @WithSession
    public Uni<OrderSummary> summarise(Optional<String> brand) {
        return Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery(GROUPED.formatted(brand.isPresent() ? " where o.brand = :brand" : ""),
                    OrderSummary.Cell.class);
            brand.ifPresent(b -> query.setParameter("brand", b));
            return query.getResultList();
        }).map(OrderSummary::of);
    }
}
