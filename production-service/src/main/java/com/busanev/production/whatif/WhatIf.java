package com.busanev.production.whatif;

import com.busanev.events.Region;
import com.busanev.production.plan.PackBudget;
import com.busanev.production.plan.PackQueries;
import com.busanev.production.plan.Planner;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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

    /** What the replay needs from the database, region by region in the order of {@link Region}. */
    private record Inputs(LocalDate start, SupplyScenario scenario, Replan replan, List<RegionBuilds> builds) {
    }

    /** A region's builds that give up their packs (short weeks in week order) and its orders waiting for packs. */
    private record RegionBuilds(Region region, List<PlannedBuild> givingUp, List<PlannedBuild> waiting) {
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
                            return Multi.createFrom().items(Region.values())
                                    .onItem().transformToUniAndConcatenate(region -> read(region, snapshot.start(), scenario, replan))
                                    .collect().asList()
                                    .map(builds -> new Inputs(snapshot.start(), scenario, replan, builds));
                        })))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(inputs -> {
                    // As the planner takes an allocation: a short week's builds move out first, then the blocked retry.
                    inputs.builds().forEach(region -> inputs.replan().moveOut(region.region(), region.givingUp()));
                    inputs.builds().forEach(region -> inputs.replan().retry(region.waiting()));
                    return WhatIfAnswer.of(inputs.start(), changes, inputs.scenario().packsByChange(),
                            inputs.replan().outcomes(), limit);
                });
    }

    /**
     * A region's builds the changes can move, read by the planner's own queries: per short week, the scheduled
     * builds that give up their packs first, as many as are missing; if the region gains packs, its orders blocked
     * for packs up to the last week that gains, at most as many as the packs gained.
     */
    private static Uni<RegionBuilds> read(Region region, LocalDate start, SupplyScenario scenario, Replan replan) {
        Uni<List<PlannedBuild>> givingUp = Multi.createFrom().iterable(replan.shortWeeks(region).entrySet())
                .onItem().transformToUniAndConcatenate(week -> PackQueries.givingUp(region, week.getKey(), start)
                        .project(PlannedBuild.class).page(0, week.getValue()).list())
                .collect().in(ArrayList<PlannedBuild>::new, List::addAll);
        SupplyScenario.Gain gain = scenario.gains().get(region);
        return givingUp.chain(moving -> (gain == null ? Uni.createFrom().item(List.<PlannedBuild>of())
                        : PackQueries.waitingForPacks(region, gain.upTo()).project(PlannedBuild.class).page(0, gain.packs()).list())
                .map(waiting -> new RegionBuilds(region, moving, waiting)));
    }
}
