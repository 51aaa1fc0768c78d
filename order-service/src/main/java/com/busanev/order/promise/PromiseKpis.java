package com.busanev.order.promise;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Promises kept by market, counted in one grouped query with the rule of {@link Estimate}. */
@ApplicationScoped
public class PromiseKpis {
    private static final String KPI = """
            SELECT market,
                count(*) FILTER (WHERE s = 'KEPT'), count(*) FILTER (WHERE s = 'MISSED'),
                count(*) FILTER (WHERE s = 'ON_TRACK'), count(*) FILTER (WHERE s = 'LATE'),
                count(*) FILTER (WHERE s = 'UNKNOWN')
            FROM (SELECT market, CASE
                    WHEN status = 'ARRIVED' THEN CASE WHEN promised_to IS NULL OR eta IS NULL THEN 'UNKNOWN'
                        WHEN eta > promised_to THEN 'MISSED' ELSE 'KEPT' END
                    WHEN promised_to IS NOT NULL AND eta IS NOT NULL THEN CASE WHEN eta > promised_to THEN 'LATE'
                        ELSE 'ON_TRACK' END
                    WHEN planned_date IS NOT NULL THEN CASE WHEN to_char(planned_date, 'IYYY-"W"IW') > promised_week
                        THEN 'LATE' ELSE 'ON_TRACK' END
                    WHEN status = 'BLOCKED' THEN 'LATE'
                    ELSE 'UNKNOWN' END AS s
                FROM orders
                WHERE promised_week IS NOT NULL AND status <> 'CANCELLED' AND (cast(?1 as text) IS NULL OR brand = ?1)) o
            GROUP BY market ORDER BY market""";

    /** Per market, in the caller's scope (a brand its own orders, a viewer every brand's: brand empty). */
    @WithSession
    public Uni<List<PromiseKpi>> byMarket(Optional<String> brand) {
        return Panache.getSession().chain(session -> session.createNativeQuery(KPI, Object[].class)
                        .setParameter(1, brand.orElse(null)).getResultList())
                .map(rows -> rows.stream().map(row -> PromiseKpi.of((String) row[0], count(row[1]), count(row[2]),
                        count(row[3]), count(row[4]), count(row[5]))).toList());
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}
