package com.busanev.production.whatif;

import com.busanev.events.IsoWeek;
import com.busanev.events.Region;
import com.busanev.production.build.Build;
import com.busanev.production.plan.LinePlan;
import com.busanev.production.plan.Slot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The planner's rules for a changed pack allocation, played on a draft of the line plan that is never committed:
 * a week left with fewer packs than its builds hold gives up the missing ones, lowest priority and latest order
 * first, each taking its earliest feasible day from its old day on (or blocked); a week given more packs lets the
 * region's orders blocked for packs try again, highest priority first. The same {@link LinePlan.Draft} slotting as
 * {@code Planner}, on the builds the planner's own queries pick ({@code PackQueries}); only the outcome is kept, in
 * memory. Pure and single-threaded.
 */
final class Replan {
    /** What became of one build: its day before ({@code null}: blocked) and its slot now. */
    record Outcome(PlannedBuild build, LocalDate before, Slot after) {
    }

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
     * Moves builds out of the short weeks of a region, in the order given: per short week, week by week, the builds
     * that give up their packs first, as many as are missing ({@code PackQueries.givingUp}). Each takes its earliest
     * feasible day from its old day on (a short week has no pack left, so a later week) or is blocked.
     */
    void moveOut(Region region, List<PlannedBuild> givingUp) {
        for (PlannedBuild build : givingUp) {
            plan.release(build.plannedDate(), region);
            outcomes.add(new Outcome(build, build.plannedDate(), plan.slot(region, build.plannedDate())));
        }
    }

    /**
     * Orders blocked for packs try again in the order given (highest priority, then first come:
     * {@code PackQueries.waitingForPacks}); only the ones that get a day count.
     */
    void retry(List<PlannedBuild> blocked) {
        for (PlannedBuild build : blocked) {
            Slot slot = plan.slot(build.region(), Build.notBefore(build.requestedWeek(), start));
            if (slot instanceof Slot.Scheduled) {
                outcomes.add(new Outcome(build, null, slot));
            }
        }
    }

    List<Outcome> outcomes() {
        return outcomes;
    }
}
