package com.busanev.supplier.allocation;

import com.busanev.events.IsoWeek;
import com.busanev.kit.lifecycle.Stopping;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.TreeSet;

/**
 * Demand moves with every order the plant blocks, schedules or moves: thousands of events an hour at full volume,
 * many for the same week. Each one only marks its week; every tick the marked weeks are taken and recomputed once
 * each, so a week's allocation follows its demand within a tick and costs one recompute however busy it was.
 */
@ApplicationScoped
public class PendingWeeks {
    /** A plain insert (a week may be marked twice): it never waits for a tick taking the marks. */
    private static final String MARK = "INSERT INTO pending_week (week) SELECT unnest(cast(?1 as text[]))";
    private static final String TAKE = "DELETE FROM pending_week RETURNING week";

    private final SupplyPlanner planner;
    private final Stopping stopping;

    PendingWeeks(SupplyPlanner planner, Stopping stopping) {
        this.planner = planner;
        this.stopping = stopping;
    }

    /**
     * Marks the weeks for the next tick in one statement; runs in the caller's transaction, so a mark commits with
     * its demand.
     */
    public Uni<Void> mark(Set<IsoWeek> weeks) {
        if (weeks.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] marked = weeks.stream().map(IsoWeek::toString).toArray(String[]::new);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(MARK).setParameter(1, marked).executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Takes every marked week and recomputes it once; a failure rolls the marks back for the next tick. Marks committed
     * after the tick's snapshot are not taken: they wait for the next tick.
     */
    @Scheduled(every = "${supplier.plan.pending-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> recomputeMarked() {
        return stopping.quietly(Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(TAKE, String.class).getResultList())
                .chain(weeks -> {
                    Set<IsoWeek> marked = new TreeSet<>();
                    weeks.forEach(week -> marked.add(IsoWeek.parse(week)));
                    return planner.recompute(marked);
                })));
    }
}
