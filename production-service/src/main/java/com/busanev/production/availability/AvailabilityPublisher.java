package com.busanev.production.availability;

import com.busanev.events.IsoWeek;
import com.busanev.events.LineAvailability;
import com.busanev.events.Region;
import com.busanev.kit.lifecycle.Stopping;
import com.busanev.kit.outbox.Outbox;
import com.busanev.production.plan.LinePlan;
import com.busanev.production.plan.Planner;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes where the line could still take each region's new orders (LineAvailability), so order-service can promise
 * a build week at intake without asking: at most once per {@code production.availability.interval}, and only for a
 * region whose figures changed since this replica last published them (a replica that starts publishes once; two
 * replicas may both publish the same figures, which order-service takes as the same snapshot). The region's blocked
 * backlog takes the earliest free builds first, as the planner's retry would give them to it.
 */
@ApplicationScoped
class AvailabilityPublisher {
    private static final String BLOCKED = "SELECT region, count(*) FROM build WHERE status = 'BLOCKED' GROUP BY region";

    private final Planner planner;
    private final Outbox outbox;
    private final Clock clock;
    private final Stopping stopping;
    private final Map<Region, List<LineAvailability.WeekRoom>> published = new ConcurrentHashMap<>();

    AvailabilityPublisher(Planner planner, Outbox outbox, Clock clock, Stopping stopping) {
        this.planner = planner;
        this.outbox = outbox;
        this.clock = clock;
        this.stopping = stopping;
    }

    @Scheduled(every = "${production.availability.interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> publish() {
        // remembered as published only once the transaction committed: a rolled-back one is published next time
        return stopping.quietly(Panache.withTransaction(() -> planner.plan()
                        .chain(plan -> blockedBacklog().chain(blocked -> Multi.createFrom().items(Region.values())
                                .onItem().transformToUniAndConcatenate(region -> changed(region, plan,
                                        blocked.getOrDefault(region, 0)))
                                .collect().asList())))
                .invoke(snapshots -> snapshots.stream().filter(Objects::nonNull)
                        .forEach(snapshot -> published.put(snapshot.region(), snapshot.weeks())))
                .replaceWithVoid());
    }

    /** The region's snapshot, appended to the outbox, if it differs from the last one published; else null. */
    private Uni<LineAvailability> changed(Region region, LinePlan plan, int blocked) {
        List<LineAvailability.WeekRoom> weeks = afterBacklog(plan.freeByWeek(region), blocked);
        if (weeks.equals(published.get(region))) {
            return Uni.createFrom().nullItem();
        }
        LineAvailability snapshot = new LineAvailability(region, weeks, blocked, clock.instant());
        return outbox.append(snapshot).replaceWith(snapshot);
    }

    private static List<LineAvailability.WeekRoom> afterBacklog(Map<IsoWeek, Integer> free, int blocked) {
        List<LineAvailability.WeekRoom> weeks = new ArrayList<>();
        int backlog = blocked;
        for (Map.Entry<IsoWeek, Integer> week : free.entrySet()) {
            int taken = Math.min(backlog, week.getValue());
            backlog -= taken;
            weeks.add(new LineAvailability.WeekRoom(week.getKey().toString(), week.getValue() - taken));
        }
        return weeks;
    }

    private static Uni<Map<Region, Integer>> blockedBacklog() {
        return Panache.getSession().chain(session -> session.createNativeQuery(BLOCKED, Object[].class).getResultList())
                .map(rows -> {
                    Map<Region, Integer> counts = new HashMap<>();
                    rows.forEach(row -> counts.put(Region.valueOf((String) row[0]), ((Number) row[1]).intValue()));
                    return counts;
                });
    }
}
