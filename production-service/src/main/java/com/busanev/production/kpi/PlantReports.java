package com.busanev.production.kpi;

import com.busanev.kit.problem.ProblemException;
import com.busanev.kit.problem.Violation;
import com.busanev.production.build.SlotCounts;
import com.busanev.production.calendar.Calendars;
import com.busanev.production.calendar.PlantCalendar;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The schedule as planners read it, and the plant's KPIs, computed from the build table and the calendar. */
@ApplicationScoped
public class PlantReports {
    static final int MAX_DAYS = 366;

    public record ScheduleDay(LocalDate date, boolean working, int lineJobs, int renaultReserved,
            int polestarCapacity, int evCapacity, int scheduled, Map<String, Integer> modelMix, double utilisation,
            SequenceQuality sequence) {
    }

    /** The quality of the day's line sequence (null until it has one): its counts, objective, and whether it is frozen. */
    public record SequenceQuality(int cars, long highPriorityViolations, long lowPriorityViolations, long colourChanges,
            long paintBatchesOverLimit, long objective, boolean frozen) {
    }

    /** The counts only: a stored sequence's cars are not read for the schedule. */
    private static final String SEQUENCES = """
            SELECT cast(day AS text), car_count, high_priority_violations, low_priority_violations, colour_changes,
                   paint_batches_over_limit, objective, frozen_at IS NOT NULL FROM line_sequence WHERE day BETWEEN ?1 AND ?2""";

    public record Kpis(LocalDate from, LocalDate to, long vehiclesBuilt, long slotsPlanned, long polestarCapacity,
            double utilisation, double evShare, double defectsPer100Vehicles, Double co2PerVehicleKg,
            Map<String, Long> blockedByReason, Map<LocalDate, SequenceQuality> sequenceQuality) {
    }

    private final Calendars calendars;
    private final Clock clock;

    PlantReports(Calendars calendars, Clock clock) {
        this.calendars = calendars;
        this.clock = clock;
    }

    public Uni<List<ScheduleDay>> schedule(LocalDate from, LocalDate to) {
        checkRange(from, to);
        return calendars.current().chain(current -> SlotCounts.PER_VARIANT.between(from, to)
                .chain(counts -> sequences(from, to).map(sequences -> {
                    Map<LocalDate, Map<String, Integer>> mix = new HashMap<>();
                    counts.forEach(c -> mix.computeIfAbsent(c.date(), d -> new TreeMap<>()).put(c.key(), c.count()));
                    PlantCalendar calendar = current.document();
                    List<ScheduleDay> days = new ArrayList<>();
                    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                        boolean working = calendar.isWorkingDay(day);
                        int jobs = working ? calendar.jobsPerDay() : 0;
                        int reserved = working ? Math.min(jobs, calendar.renaultReservedPerDay()) : 0;
                        int ev = (int) Math.floor(jobs * calendar.evShareCap());
                        int capacity = Math.min(jobs - reserved, ev);
                        Map<String, Integer> dayMix = mix.getOrDefault(day, Map.of());
                        int scheduled = dayMix.values().stream().mapToInt(Integer::intValue).sum();
                        days.add(new ScheduleDay(day, working, jobs, reserved, capacity, ev, scheduled, dayMix,
                                capacity == 0 ? 0 : round((double) scheduled / capacity), sequences.get(day)));
                    }
                    return days;
                })));
    }

    private static Uni<Map<LocalDate, SequenceQuality>> sequences(LocalDate from, LocalDate to) {
        return Panache.getSession().chain(s -> s.createNativeQuery(SEQUENCES, Object[].class)
                .setParameter(1, from).setParameter(2, to).getResultList()
                .map(rows -> {
                    Map<LocalDate, SequenceQuality> byDay = new HashMap<>();
                    rows.forEach(row -> byDay.put(LocalDate.parse((String) row[0]), new SequenceQuality(((Number) row[1]).intValue(),
                            ((Number) row[2]).longValue(), ((Number) row[3]).longValue(), ((Number) row[4]).longValue(),
                            ((Number) row[5]).longValue(), ((Number) row[6]).longValue(), (Boolean) row[7])));
                    return byDay;
                }));
    }

    /** Plan figures by planned day; built cars, defects and CO2 by the plant day they were completed on. */
    public Uni<Kpis> kpis(LocalDate from, LocalDate to) {
        checkRange(from, to);
        ZoneId plant = clock.getZone();
        return schedule(from, to).chain(days -> Panache.getSession().chain(s -> s.createNativeQuery("""
                        SELECT count(*), coalesce(sum(defects), 0), avg(co2_kg) FROM build
                        WHERE status = 'BUILT' AND completed_at >= ?1 AND completed_at < ?2""", Object[].class)
                .setParameter(1, from.atStartOfDay(plant).toOffsetDateTime())
                .setParameter(2, to.plusDays(1).atStartOfDay(plant).toOffsetDateTime()).getSingleResult()
                .chain(built -> s.createNativeQuery(
                                "SELECT blocked_reason, count(*) FROM build WHERE status = 'BLOCKED' GROUP BY blocked_reason",
                                Object[].class).getResultList()
                        .map(blocked -> {
                            long vehicles = ((Number) built[0]).longValue();
                            long defects = ((Number) built[1]).longValue();
                            long planned = days.stream().mapToLong(ScheduleDay::scheduled).sum();
                            long capacity = days.stream().mapToLong(ScheduleDay::polestarCapacity).sum();
                            long lineJobs = days.stream().mapToLong(ScheduleDay::lineJobs).sum();
                            Map<String, Long> byReason = new LinkedHashMap<>();
                            blocked.forEach(row -> byReason.put((String) row[0], ((Number) row[1]).longValue()));
                            Map<LocalDate, SequenceQuality> sequenced = new TreeMap<>();
                            days.stream().filter(day -> day.sequence() != null)
                                    .forEach(day -> sequenced.put(day.date(), day.sequence()));
                            return new Kpis(from, to, vehicles, planned, capacity,
                                    capacity == 0 ? 0 : round((double) planned / capacity),
                                    lineJobs == 0 ? 0 : round((double) planned / lineJobs),
                                    vehicles == 0 ? 0 : round(100.0 * defects / vehicles),
                                    built[2] == null ? null : round(((Number) built[2]).doubleValue()),
                                    byReason, sequenced);
                        }))));
    }

    static void checkRange(LocalDate from, LocalDate to) {
        List<Violation> missing = new ArrayList<>();
        if (from == null) {
            missing.add(new Violation("from", "is required (ISO date)"));
        }
        if (to == null) {
            missing.add(new Violation("to", "is required (ISO date)"));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.badRequest("The period is required.", missing);
        }
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ProblemException.badRequest("to", "must be on or after from, at most " + MAX_DAYS + " days later");
        }
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
