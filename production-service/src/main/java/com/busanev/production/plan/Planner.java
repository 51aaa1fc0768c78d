package com.busanev.production.plan;

import com.busanev.events.BlockReason;
import com.busanev.events.BuildBlocked;
import com.busanev.events.BuildRescheduled;
import com.busanev.events.BuildScheduled;
import com.busanev.events.IsoWeek;
import com.busanev.events.PacksAllocated;
import com.busanev.events.Region;
import com.busanev.kit.outbox.Outbox;
import com.busanev.production.build.Build;
import com.busanev.production.build.BuildStatus;
import com.busanev.production.calendar.Calendars;
import com.busanev.production.calendar.PlantCalendar;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the Busan line plan and changes it. Every planning change runs in one transaction that holds a
 * PostgreSQL advisory lock, so replicas plan one at a time, and bumps the plan version: a replica whose
 * in-memory {@link LinePlan} is older (another replica planned, or a transaction rolled back) reloads it from
 * the aggregates in the database. Build rows, counters and events commit together through the outbox.
 */
@ApplicationScoped
public class Planner {
    private static final long PLANNING_LOCK = 7_340_001L;

    private final Calendars calendars;
    private final Outbox outbox;
    private final Clock clock;
    private final int frozenDays;
    private final int reslotBatch;

    private LinePlan plan;
    private long planVersion = -1;
    private LocalDate planStart;

    Planner(Calendars calendars, Outbox outbox, Clock clock,
            @ConfigProperty(name = "production.planning.frozen-days", defaultValue = "1") int frozenDays,
            @ConfigProperty(name = "production.planning.reslot-batch", defaultValue = "500") int reslotBatch) {
        this.calendars = calendars;
        this.outbox = outbox;
        this.clock = clock;
        this.frozenDays = frozenDays;
        this.reslotBatch = reslotBatch;
    }

    /** The first day new builds may be planned on: today's line sequence is frozen. */
    public LocalDate firstPlanDay() {
        return LocalDate.now(clock).plusDays(frozenDays);
    }

    /** A new order: slot it. Runs in the caller's transaction. */
    public Uni<Void> schedule(Build build) {
        return lockedPlan().chain(plan -> slot(plan, build, null));
    }

    /** A cancelled order gives back its slot and pack, which a blocked order of its region may take. */
    public Uni<Void> cancel(Build build) {
        boolean held = build.status == BuildStatus.SCHEDULED;
        return lockedPlan().chain(plan -> {
            if (held) {
                plan.release(build.plannedDate, build.region);
            }
            build.status = BuildStatus.CANCELLED;
            return held ? reslotBlocked(plan, build.region) : Uni.createFrom().voidItem();
        });
    }

    /** New totals for a week and region; blocked orders of the region are tried again. */
    public Uni<Void> packsAllocated(PacksAllocated allocation) {
        return PackBudget.<PackBudget>findById(new PackBudget.Key(allocation.week(), allocation.region().name()))
                .chain(existing -> {
                    if (existing != null && existing.allocatedAt.isAfter(allocation.allocatedAt())) {
                        return Uni.createFrom().voidItem();
                    }
                    PackBudget budget = existing != null ? existing : new PackBudget();
                    budget.week = allocation.week();
                    budget.region = allocation.region().name();
                    budget.allocated = allocation.packs();
                    budget.allocatedAt = allocation.allocatedAt();
                    budget.suppliers = allocation.sources().stream()
                            .map(s -> s.supplier() + ":" + s.packs()).collect(Collectors.joining(","));
                    return budget.persist().chain(() -> lockedPlan()).chain(plan -> {
                        IsoWeek week = IsoWeek.parse(allocation.week());
                        plan.allocatePacks(week, allocation.region(), allocation.packs());
                        return reslotWaitingForPacks(plan, allocation.region(), week);
                    });
                });
    }

    /** Blocked orders of every region try again (the horizon moved on, capacity came back). */
    public Uni<Void> reslotAllBlocked() {
        return lockedPlan().chain(plan -> Multi.createFrom().items(Region.values())
                .onItem().transformToUniAndConcatenate(region -> reslotBlocked(plan, region))
                .collect().last());
    }

    /**
     * A new calendar: builds on days that lost capacity move with the fewest moves (only the excess of each day,
     * lowest priority and latest order first) to their earliest feasible day; then blocked orders try again.
     */
    public Uni<Calendars.Versioned> changeCalendar(PlantCalendar calendar, int expectedVersion, String user) {
        return calendars.replace(calendar, expectedVersion, user)
                .call(changed -> lockedPlan().chain(current -> {
                    LinePlan replanned = current.withDays(calendar.lineDays(planStart));
                    install(replanned);
                    return moveExcess(replanned, replanned.overbookedDays())
                            .chain(() -> Multi.createFrom().items(Region.values())
                                    .onItem().transformToUniAndConcatenate(region -> reslotBlocked(replanned, region))
                                    .collect().last());
                }));
    }

    /** The plan as it stands, for reads (schedule view); may be a little behind another replica's. */
    public Uni<LinePlan> currentPlan() {
        return Panache.withTransaction(this::lockedPlan);
    }

    private Uni<Void> moveExcess(LinePlan plan, Map<LocalDate, Integer> excess) {
        return Multi.createFrom().iterable(excess.entrySet())
                .onItem().transformToUniAndConcatenate(day -> Build.<Build>find(
                                "status = ?1 and plannedDate = ?2 order by priority asc, placedAt desc",
                                BuildStatus.SCHEDULED, day.getKey()).page(0, day.getValue()).list()
                        .chain(builds -> Multi.createFrom().iterable(builds)
                                .onItem().transformToUniAndConcatenate(build -> {
                                    LocalDate previous = build.plannedDate;
                                    plan.release(previous, build.region);
                                    return slot(plan, build, previous);
                                })
                                .collect().last()))
                .collect().last().replaceWithVoid();
    }

    /**
     * New packs for a week help only orders of its region blocked for packs in that week or earlier, and at most
     * as many as there are packs left: an allocation never re-tries the whole blocked backlog, which would make
     * every allocation cost as much as the backlog is long.
     */
    private Uni<Void> reslotWaitingForPacks(LinePlan plan, Region region, IsoWeek week) {
        int packsLeft = plan.packsLeft(week, region);
        if (packsLeft <= 0) {
            return Uni.createFrom().voidItem();
        }
        return Build.<Build>find("status = ?1 and region = ?2 and blockedReason = ?3 and blockedWeek <= ?4 "
                                + "order by priority desc, placedAt asc",
                        BuildStatus.BLOCKED, region, BlockReason.NO_PACKS, week.toString())
                .page(0, Math.min(packsLeft, reslotBatch)).list()
                .chain(blocked -> Multi.createFrom().iterable(blocked)
                        .onItem().transformToUniAndConcatenate(build -> slot(plan, build, null))
                        .collect().last().replaceWithVoid());
    }

    private Uni<Void> reslotBlocked(LinePlan plan, Region region) {
        return Build.<Build>find("status = ?1 and region = ?2 order by priority desc, placedAt asc",
                        BuildStatus.BLOCKED, region).page(0, reslotBatch).list()
                .chain(blocked -> Multi.createFrom().iterable(blocked)
                        .onItem().transformToUniAndConcatenate(build -> slot(plan, build, null))
                        .collect().last().replaceWithVoid());
    }

    /** Slots one build and announces the outcome; {@code previous} is its old day when it is being moved. */
    private Uni<Void> slot(LinePlan plan, Build build, LocalDate previous) {
        Slot slot = plan.slot(build.region, build.notBefore(planStart));
        if (slot instanceof Slot.Scheduled scheduled) {
            build.status = BuildStatus.SCHEDULED;
            build.plannedDate = scheduled.date();
            build.blockedReason = null;
            build.blockedWeek = null;
            build.blockedDetail = null;
            String week = IsoWeek.of(scheduled.date()).toString();
            if (previous != null) {
                return outbox.append(new BuildRescheduled(build.orderId, build.region, previous, scheduled.date(),
                        week, "the plant calendar changed", clock.instant())).replaceWithVoid();
            }
            return outbox.append(new BuildScheduled(build.orderId, build.market, build.region, build.variant,
                    scheduled.date(), week, clock.instant())).replaceWithVoid();
        }
        Slot.Blocked blocked = (Slot.Blocked) slot;
        boolean unchanged = build.status == BuildStatus.BLOCKED && blocked.reason() == build.blockedReason
                && blocked.week().toString().equals(build.blockedWeek);
        build.status = BuildStatus.BLOCKED;
        build.plannedDate = null;
        build.blockedReason = blocked.reason();
        build.blockedWeek = blocked.week().toString();
        build.blockedDetail = blocked.detail();
        if (unchanged) {
            return Uni.createFrom().voidItem();
        }
        return outbox.append(new BuildBlocked(build.orderId, build.market, build.region, blocked.reason(),
                blocked.week().toString(), blocked.detail(), clock.instant())).replaceWithVoid();
    }

    /** Takes the planning lock for this transaction and returns an up-to-date plan. */
    private Uni<LinePlan> lockedPlan() {
        LocalDate start = firstPlanDay();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("SELECT pg_advisory_xact_lock(" + PLANNING_LOCK + ")")
                        .getSingleResult()
                        .chain(() -> session.createNativeQuery("SELECT version FROM plan_state WHERE id = 1", Long.class)
                                .getSingleResult())
                        .chain(version -> {
                            Uni<LinePlan> upToDate = plan != null && version == planVersion && start.equals(planStart)
                                    ? Uni.createFrom().item(plan)
                                    : load(start);
                            // Claimed before commit: if the transaction rolls back, the database stays one
                            // behind this number and the next planning transaction reloads.
                            planVersion = version + 1;
                            return upToDate.call(() -> session.createNativeQuery(
                                    "UPDATE plan_state SET version = version + 1 WHERE id = 1").executeUpdate());
                        }));
    }

    private Uni<LinePlan> load(LocalDate start) {
        LocalDate weekStart = IsoWeek.of(start).monday();
        return calendars.current().chain(calendar -> {
            LinePlan loaded = new LinePlan(calendar.calendar().lineDays(start));
            return Panache.getSession()
                    .chain(session -> session.createNativeQuery("""
                                    SELECT planned_date, region, count(*) FROM build
                                    WHERE status IN ('SCHEDULED', 'IN_PRODUCTION', 'BUILT') AND planned_date >= ?1
                                    GROUP BY planned_date, region""", Object[].class)
                            .setParameter(1, weekStart).getResultList())
                    .invoke(rows -> rows.forEach(row -> loaded.occupy(toDate(row[0]), Region.valueOf((String) row[1]),
                            ((Number) row[2]).intValue())))
                    .chain(() -> PackBudget.<PackBudget>listAll())
                    .map(budgets -> {
                        IsoWeek first = IsoWeek.of(start);
                        budgets.stream().filter(b -> IsoWeek.parse(b.week).compareTo(first) >= 0)
                                .forEach(b -> loaded.allocatePacks(IsoWeek.parse(b.week), Region.valueOf(b.region), b.allocated));
                        install(loaded);
                        planStart = start;
                        return loaded;
                    });
        });
    }

    private void install(LinePlan replanned) {
        plan = replanned;
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
