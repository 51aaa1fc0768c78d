package com.busanev.production.plan;

import com.busanev.kit.lifecycle.Stopping;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Blocked orders try again as the horizon moves on, a batch per region per run through the whole backlog; a
 * safety net besides the event-driven re-slots. A run that slots nothing leaves the other replicas' plans valid.
 */
@ApplicationScoped
class BlockedOrderRetry {
    private final Planner planner;
    private final Stopping stopping;

    BlockedOrderRetry(Planner planner, Stopping stopping) {
        this.planner = planner;
        this.stopping = stopping;
    }

    @Scheduled(every = "${production.planning.reslot-interval:10s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> retry() {
        return stopping.quietly(Panache.withTransaction(planner::reslotAllBlocked));
    }
}
