package com.busanev.supplier.allocation;

import com.busanev.kit.lifecycle.Stopping;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Supply only changes with contracts and deliveries, which recompute at once; but the plant clock moves, and each
 * new week that enters the plan horizon must be allocated and checked against the plan (a PLAN shortage is raised
 * without anyone touching a contract). The sweep re-checks the horizon now and then; a week whose totals did not
 * change announces nothing, so it is cheap and quiet.
 */
@ApplicationScoped
class HorizonSweep {
    private final SupplyPlanner planner;
    private final Stopping stopping;

    HorizonSweep(SupplyPlanner planner, Stopping stopping) {
        this.planner = planner;
        this.stopping = stopping;
    }

    @Scheduled(every = "${supplier.plan.sweep-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweep() {
        return stopping.quietly(Panache.withTransaction(() -> planner.recompute(planner.horizonWeeks())));
    }
}
