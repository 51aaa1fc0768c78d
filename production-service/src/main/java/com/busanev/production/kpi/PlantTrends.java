package com.busanev.production.kpi;

import com.busanev.events.IsoWeek;
import com.busanev.events.Region;
import com.busanev.production.build.SlotCounts;
import com.busanev.production.plan.PackBudget;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The KPIs day by day and the packs used of each week's budget: what the planners' charts are drawn from, aggregated
 * by the database (a day or a week per row), never a scan of the builds by the caller.
 */
@ApplicationScoped
public class PlantTrends {
    /** Cars built, their defects and CO2, per plant day of completion (the plant's zone, not UTC). */
    private static final String BUILT_PER_DAY = """
            SELECT cast(cast(completed_at AT TIME ZONE ?3 AS date) AS text), count(*), coalesce(sum(defects), 0), avg(co2_kg)
            FROM build WHERE status = 'BUILT' AND completed_at >= ?1 AND completed_at < ?2 GROUP BY 1""";

    /**
     * One plant day: its plan (slots used of capacity) by planned day; built cars, defects and CO2 by the day they
     * were completed on; and the CO2 target of the day on the way to the target year. Rates are null without a car.
     */
    public record KpiDay(LocalDate date, int slotsPlanned, int polestarCapacity, double utilisation, long vehiclesBuilt,
            Double defectsPer100Vehicles, Double co2PerVehicleKg, double co2TargetKg) {
    }

    /** Packs of one ISO week and region: the budget supplier-service allocated and the builds holding a slot. */
    public record PackUse(String week, Region region, int budget, int used) {
    }

    private record Built(long vehicles, long defects, Double co2) {
    }

    private final PlantReports reports;
    private final Co2Trajectory co2;
    private final Clock clock;

    PlantTrends(PlantReports reports, Co2Trajectory co2, Clock clock) {
        this.reports = reports;
        this.co2 = co2;
        this.clock = clock;
    }

    public Uni<List<KpiDay>> daily(LocalDate from, LocalDate to) {
        PlantReports.checkRange(from, to);
        ZoneId plant = clock.getZone();
        return reports.schedule(from, to).chain(days -> Panache.getSession()
                .chain(s -> s.createNativeQuery(BUILT_PER_DAY, Object[].class)
                        .setParameter(1, from.atStartOfDay(plant).toOffsetDateTime())
                        .setParameter(2, to.plusDays(1).atStartOfDay(plant).toOffsetDateTime())
                        .setParameter(3, plant.getId()).getResultList())
                .map(rows -> {
                    Map<LocalDate, Built> built = new HashMap<>();
                    rows.forEach(row -> built.put(LocalDate.parse((String) row[0]), new Built(((Number) row[1]).longValue(),
                            ((Number) row[2]).longValue(), row[3] == null ? null : ((Number) row[3]).doubleValue())));
                    return days.stream().map(day -> {
                        Built cars = built.get(day.date());
                        return new KpiDay(day.date(), day.scheduled(), day.polestarCapacity(), day.utilisation(),
                                cars == null ? 0 : cars.vehicles(),
                                cars == null ? null : PlantReports.round(100.0 * cars.defects() / cars.vehicles()),
                                cars == null || cars.co2() == null ? null : PlantReports.round(cars.co2()),
                                co2.targetOn(day.date()));
                    }).toList();
                }));
    }

    /** Every ISO week the range touches, each region with a budget or a build, weeks in order then regions. */
    public Uni<List<PackUse>> packs(LocalDate from, LocalDate to) {
        PlantReports.checkRange(from, to);
        List<String> weeks = new ArrayList<>();
        for (IsoWeek week = IsoWeek.of(from); week.compareTo(IsoWeek.of(to)) <= 0; week = week.plusWeeks(1)) {
            weeks.add(week.toString());
        }
        return SlotCounts.PER_REGION.between(IsoWeek.of(from).monday(), IsoWeek.of(to).sunday())
                .chain(counts -> PackBudget.<PackBudget>list("week in ?1", weeks).map(budgets -> {
                    Map<String, Integer> used = new HashMap<>();
                    counts.forEach(c -> used.merge(IsoWeek.of(c.date()) + "/" + c.key(), c.count(), Integer::sum));
                    Map<String, Integer> budget = new HashMap<>();
                    budgets.forEach(b -> budget.put(b.week + "/" + b.region, b.allocated));
                    List<PackUse> uses = new ArrayList<>();
                    for (String week : weeks) {
                        for (Region region : Region.values()) {
                            String key = week + "/" + region;
                            if (budget.containsKey(key) || used.containsKey(key)) {
                                uses.add(new PackUse(week, region, budget.getOrDefault(key, 0), used.getOrDefault(key, 0)));
                            }
                        }
                    }
                    return uses;
                }));
    }
}
