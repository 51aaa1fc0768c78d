package com.busanev.production.whatif;

import com.busanev.events.BlockReason;
import com.busanev.events.IsoWeek;
import com.busanev.events.Region;
import com.busanev.production.build.Build;
import com.busanev.production.build.BuildStatus;
import com.busanev.production.plan.PackBudget;
import com.busanev.production.plan.Planner;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Answers what hypothetical supply changes would do to the plan without touching it: one read-only transaction
 * reads the plan (the planner's cached version if it is the one the database holds, else loaded as the planner
 * loads it), the pack budgets and only the builds the changes can move, all in one snapshot and without the
 * planning lock; then, off the event loop and holding no connection, the planner's rules replay on a draft of the
 * plan that is dropped afterwards. Nothing is written and no event is produced.
 */
@ApplicationScoped
public class WhatIf {
    /** Every read sees one snapshot (plan token, budgets and builds agree), and the transaction can write nothing. */
    private static final String READ_ONE_SNAPSHOT = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";

    /** What the replay needs from the database. */
    private record Inputs(LocalDate start, SupplyScenario scenario, Replan replan,
            Map<Region, TreeMap<IsoWeek, Integer>> shortWeeks, Map<Region, List<PlannedBuild>> scheduled,
            List<PlannedBuild> blocked) {
    }

    private final Planner planner;

    WhatIf(Planner planner) {
        this.planner = planner;
    }

    /** The effect of {@code changes} (valid) on the plan; at most {@code limit} orders listed per list and market. */
    public Uni<WhatIfAnswer> answer(List<SupplyChange> changes, int limit) {
        return Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(READ_ONE_SNAPSHOT).executeUpdate())
                        .chain(planner::snapshot)
                        .chain(snapshot -> PackBudget.<PackBudget>listAll().chain(budgets -> {
                            SupplyScenario scenario = SupplyScenario.of(snapshot.plan().weeks(), budgets, changes);
                            Replan replan = new Replan(snapshot.plan(), snapshot.start(), scenario.totals());
                            return read(snapshot.start(), scenario, replan);
                        })))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(inputs -> {
                    inputs.shortWeeks().forEach((region, weeks) ->
                            inputs.replan().moveOut(region, weeks, inputs.scheduled().get(region)));
                    inputs.replan().retry(inputs.blocked());
                    return WhatIfAnswer.of(inputs.start(), changes, inputs.scenario().packsByChange(),
                            inputs.replan().outcomes(), limit);
                });
    }

    /**
     * The builds the changes can move: the scheduled builds of each region's short weeks (from the plan's first day:
     * today's frozen sequence keeps its packs), and the orders blocked for packs up to the last week of a region that
     * gains packs.
     */
    private static Uni<Inputs> read(LocalDate start, SupplyScenario scenario, Replan replan) {
        Map<Region, TreeMap<IsoWeek, Integer>> shortWeeks = new EnumMap<>(Region.class);
        for (Region region : Region.values()) {
            TreeMap<IsoWeek, Integer> weeks = replan.shortWeeks(region);
            if (!weeks.isEmpty()) {
                shortWeeks.put(region, weeks);
            }
        }
        Map<Region, List<PlannedBuild>> scheduled = new EnumMap<>(Region.class);
        List<PlannedBuild> blocked = new ArrayList<>();
        return Multi.createFrom().iterable(shortWeeks.entrySet())
                .onItem().transformToUniAndConcatenate(region -> scheduled(region.getKey(), start, region.getValue())
                        .invoke(builds -> scheduled.put(region.getKey(), builds)))
                .collect().last()
                .chain(() -> Multi.createFrom().iterable(scenario.gainedUpTo().entrySet())
                        .onItem().transformToUniAndConcatenate(region -> blockedForPacks(region.getKey(), region.getValue())
                                .invoke(blocked::addAll))
                        .collect().last())
                .map(ignored -> new Inputs(start, scenario, replan, shortWeeks, scheduled, blocked));
    }

    private static Uni<List<PlannedBuild>> scheduled(Region region, LocalDate start, TreeMap<IsoWeek, Integer> weeks) {
        LocalDate from = weeks.firstKey().monday().isBefore(start) ? start : weeks.firstKey().monday();
        return Build.find("status = ?1 and region = ?2 and plannedDate between ?3 and ?4",
                        BuildStatus.SCHEDULED, region, from, weeks.lastKey().sunday())
                .project(PlannedBuild.class).list();
    }

    private static Uni<List<PlannedBuild>> blockedForPacks(Region region, IsoWeek upTo) {
        return Build.find("status = ?1 and region = ?2 and blockedReason = ?3 and blockedWeek <= ?4",
                        BuildStatus.BLOCKED, region, BlockReason.NO_PACKS, upTo.toString())
                .project(PlannedBuild.class).list();
    }
}
