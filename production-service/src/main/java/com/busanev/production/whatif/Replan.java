package com.busanev.production.whatif;

import com.busanev.events.IsoWeek;
import com.busanev.events.Region;
import com.busanev.production.plan.LinePlan;
import com.busanev.production.plan.PlanPriority;
import com.busanev.production.plan.Slot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The planner's rules for a changed pack allocation, played on a draft of the line plan that is never committed:
 * a week left with fewer packs than its builds hold gives up the missing ones, lowest priority and latest order
 * first, each taking its earliest feasible day from its old day on (or blocked); a week given more packs lets the
 * region's orders blocked for packs try again, highest priority first. The same {@link LinePlan.Draft} slotting
 * and {@link PlanPriority} orderings as {@code Planner}; only the builds come from a list instead of the database.
 * Pure and single-threaded.
 */
final class Replan {
    /** What became of one build: its day before ({@code null}: blocked) and its slot now. */
    record Outcome(PlannedBuild build, LocalDate before, Slot after) {
    }

    private static final Comparator<PlannedBuild> GIVES_UP_FIRST = PlanPriority.GIVES_UP_FIRST
            .comparator(PlannedBuild::priority, PlannedBuild::placedAt, PlannedBuild::orderId);
    private static final Comparator<PlannedBuild> SLOTS_FIRST = PlanPriority.SLOTS_FIRST
            .comparator(PlannedBuild::priority, PlannedBuild::placedAt, PlannedBuild::orderId);

    private final LinePlan.Draft plan;
    private final LocalDate start;
    private final List<IsoWeek> weeks;
    private final List<Outcome> outcomes = new ArrayList<>();

    /** A copy of {@code base} (the version itself is never written) with the new totals of the changed weeks. */
    Replan(LinePlan base, LocalDate start, Map<Region, Map<IsoWeek, Integer>> totals) {
        this.plan = base.edit();
        this.start = start;
        this.weeks = base.weeks();
        totals.forEach((region, byWeek) -> byWeek.forEach((week, packs) -> plan.allocatePacks(week, region, packs)));
    }

    /** The weeks of a region whose builds now hold more packs than it has, with how many are missing. */
    TreeMap<IsoWeek, Integer> shortWeeks(Region region) {
        TreeMap<IsoWeek, Integer> missing = new TreeMap<>();
        for (IsoWeek week : weeks) {
            int left = plan.packsLeft(week, region);
            if (left < 0) {
                missing.put(week, -left);
            }
        }
        return missing;
    }

    /**
     * Moves the missing builds out of each short week, week by week: {@code scheduled} holds the region's scheduled
     * builds of those weeks from the plan's first day on (today's frozen sequence and started builds keep their
     * packs, as in the planner).
     */
    void moveOut(Region region, TreeMap<IsoWeek, Integer> shortWeeks, List<PlannedBuild> scheduled) {
        Map<IsoWeek, List<PlannedBuild>> byWeek = new TreeMap<>();
        scheduled.forEach(build -> byWeek.computeIfAbsent(IsoWeek.of(build.plannedDate()), w -> new ArrayList<>()).add(build));
        shortWeeks.forEach((week, missing) -> byWeek.getOrDefault(week, List.of()).stream()
                .sorted(GIVES_UP_FIRST).limit(missing)
                .forEach(build -> {
                    plan.release(build.plannedDate(), region);
                    outcomes.add(new Outcome(build, build.plannedDate(), plan.slot(region, build.plannedDate())));
                }));
    }

    /** Orders blocked for packs try again, highest priority then first come; only the ones that get a day count. */
    void retry(List<PlannedBuild> blocked) {
        blocked.stream().sorted(SLOTS_FIRST).forEach(build -> {
            Slot slot = plan.slot(build.region(), notBefore(build.requestedWeek()));
            if (slot instanceof Slot.Scheduled) {
                outcomes.add(new Outcome(build, null, slot));
            }
        });
    }

    List<Outcome> outcomes() {
        return outcomes;
    }

    /** As {@code Build.notBefore}: the requested week's Monday, never before the plan's first day. */
    private LocalDate notBefore(String requestedWeek) {
        if (requestedWeek == null) {
            return start;
        }
        LocalDate monday = IsoWeek.parse(requestedWeek).monday();
        return monday.isAfter(start) ? monday : start;
    }
}
