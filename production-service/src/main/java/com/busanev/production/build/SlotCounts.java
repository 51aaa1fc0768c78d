package com.busanev.production.build;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.List;

/**
 * Builds holding a line slot (scheduled, in production, built) counted per planned day and one other column: the
 * aggregates the line plan is rebuilt from and the schedule view is read from, never a scan of the rows.
 */
public enum SlotCounts {
    PER_REGION("region"), PER_VARIANT("variant");

    /** The latest date PostgreSQL and the plan agree on; an open end for {@link #between}. */
    public static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);

    public record DayCount(LocalDate date, String key, int count) {
    }

    private final String column;

    SlotCounts(String column) {
        this.column = column;
    }

    public Uni<List<DayCount>> between(LocalDate from, LocalDate to) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("SELECT planned_date, " + column + ", count(*) FROM build "
                                + "WHERE status IN ('SCHEDULED', 'IN_PRODUCTION', 'BUILT') AND planned_date BETWEEN ?1 AND ?2 "
                                + "GROUP BY planned_date, " + column, Object[].class)
                        .setParameter(1, from).setParameter(2, to).getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new DayCount(toDate(row[0]), (String) row[1], ((Number) row[2]).intValue()))
                        .toList());
    }

    /** The driver hands back java.sql.Date or LocalDate depending on the path; the plan speaks LocalDate. */
    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
