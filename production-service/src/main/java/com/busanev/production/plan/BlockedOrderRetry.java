package com.busanev.production.plan;

import com.busanev.kit.lifecycle.Stopping;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Blocked orders try again as the horizon moves on, a batch per region per transaction through the whole backlog;
 * a safety net besides the event-driven re-slots. A run goes on with the next batches while they find slots (up to
 * {@code reslot-rounds}), so a week entering the horizon at an accelerated plant clock fills at once rather than a
 * batch per run; a batch that slots nothing ends the run and leaves the other replicas' plans valid.
 */
@ApplicationScoped
class BlockedOrderRetry {
    private final Planner planner;
    private final Stopping stopping;
    private final int rounds;

    BlockedOrderRetry(Planner planner, Stopping stopping, PlanningConfig config) {
        this.planner = planner;
        this.stopping = stopping;
        this.rounds = config.reslotRounds();
    }

    @Scheduled(every = "${production.planning.reslot-interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> retry() {
        return stopping.quietly(retry(1));
    }

    private Uni<Void> retry(int round) {
        return Panache.withTransaction(planner::reslotAllBlocked)
                .chain(slotted -> slotted > 0 && round < rounds ? retry(round + 1) : Uni.createFrom().voidItem());
    }
}
