package com.busanev.production.plan;

import com.busanev.events.BuildBlocked;
import com.busanev.events.BuildCancelled;
import com.busanev.events.BuildChangeRefused;
import com.busanev.events.BuildChanged;
import com.busanev.events.BuildRescheduled;
import com.busanev.events.BuildScheduled;
import com.busanev.events.CancelRefused;
import com.busanev.events.DomainEvent;
import com.busanev.events.IsoWeek;
import com.busanev.events.OrderChangeRequested;
import com.busanev.events.PacksAllocated;
import com.busanev.events.Region;
import com.busanev.kit.inbox.CancelledOrders;
import com.busanev.kit.locks.AdvisoryLock;
import com.busanev.kit.outbox.Outbox;
import com.busanev.production.build.Build;
import com.busanev.production.build.BuildStatus;
import com.busanev.production.build.PlantFloor;
import com.busanev.production.build.SlotCounts;
import com.busanev.production.calendar.Calendars;
import com.busanev.production.calendar.KoreanHolidays;
import com.busanev.production.calendar.PlantCalendar;
import com.busanev.production.change.FreezePoint;
import com.busanev.production.sequence.StationLoad;
import com.busanev.production.versioned.Versioned;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Keeps the Busan line plan and changes it. Every public method runs in the caller's transaction and plans in one
 * unit of work ({@link #planning}) that holds a PostgreSQL advisory lock, so replicas plan one at a time. The
 * in-memory {@link LinePlan} is a cache of the database, valid while {@code plan_state.token} is the token stored
 * with it. The cached version is never written: a unit of work changes a draft of it, and a changed draft becomes
 * the cache only with a fresh random token written in the same transaction. After a commit the cache matches the
 * database; after a rollback, or once another replica planned, the database holds another token and the next
 * unit reloads. Build rows, counters and events commit together through the outbox.
 */
@ApplicationScoped
public class Planner {
    private static final Logger LOG = Logger.getLogger(Planner.class);

    /**
     * A plan as loaded or last changed by this replica, the plan_state token it is valid under, its first day and the
     * calendar it was loaded with (which changes only with the token: {@link #changeCalendar}).
     */
    private record Cached(LinePlan plan, String token, LocalDate start, PlantCalendar calendar) {
        /** The same plan from a later first day: a new plant day costs no reload. */
        Cached advancedTo(LocalDate later) {
            LinePlan.Draft draft = plan.edit();
            draft.advanceTo(later, calendar.lineDays(later));
            return new Cached(draft.commit(), token, later, calendar);
        }
    }

    /** Where the periodic retry stopped in each region's blocked backlog. */
    private record BacklogKey(int priority, Instant placedAt, UUID orderId) {
    }

    private final Calendars calendars;
    private final Outbox outbox;
    private final CancelledOrders cancelledOrders;
    private final Clock clock;
    private final FreezePoint freezePoint;
    private final StationLoad stationLoad;
    private final int frozenDays;
    private final int reslotBatch;

    /** Replaced only at the end of a unit of work, under the planning lock; volatile so the next holder sees it. */
    private volatile Cached cached;
    private final Map<Region, BacklogKey> retryCursor = new ConcurrentHashMap<>();
    /** The last year of a horizon warned about for missing holidays. */
    private final AtomicInteger holidaysWarnedUpTo = new AtomicInteger();

    Planner(Calendars calendars, Outbox outbox, CancelledOrders cancelledOrders, Clock clock, FreezePoint freezePoint,
            StationLoad stationLoad, PlanningConfig config) {
        this.calendars = calendars;
        this.outbox = outbox;
        this.cancelledOrders = cancelledOrders;
        this.clock = clock;
        this.freezePoint = freezePoint;
        this.stationLoad = stationLoad;
        this.frozenDays = config.frozenDays();
        this.reslotBatch = config.reslotBatch();
    }

    /** The first day new builds may be planned on: today's line sequence is frozen. */
    public LocalDate firstPlanDay() {
        return LocalDate.now(clock).plusDays(frozenDays);
    }

    /**
     * Takes in a batch of changes, in their order, in one unit of work: one planning lock and one plan check for
     * the whole batch. A run of new orders is placed at once ({@link #place}: one insert), as is a run of pack
     * allocations ({@link #packsAllocated}); the builds other changes move are written when the transaction flushes,
     * and the batch's events together at its end. Runs in the caller's transaction.
     */
    public Uni<Void> apply(List<PlanChange> changes) {
        return planning(p -> Multi.createFrom().iterable(runs(changes))
                .onItem().transformToUniAndConcatenate(run -> {
                    if (run.get(0) instanceof PlanChange.Allocate) {
                        return packsAllocated(p, run.stream().map(change -> ((PlanChange.Allocate) change).allocation()).toList());
                    }
                    if (run.get(0) instanceof PlanChange.Place) {
                        return place(p, run.stream().map(change -> ((PlanChange.Place) change).build()).toList());
                    }
                    return apply(p, run.get(0));
                })
                .collect().last().replaceWithVoid());
    }

    /** The changes in order, each alone but for consecutive allocations and consecutive new orders: one run each. */
    private static List<List<PlanChange>> runs(List<PlanChange> changes) {
        List<List<PlanChange>> runs = new ArrayList<>();
        for (PlanChange change : changes) {
            List<PlanChange> last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            boolean joins = change instanceof PlanChange.Allocate || change instanceof PlanChange.Place;
            if (joins && last != null && last.get(0).getClass() == change.getClass()) {
                last.add(change);
            } else {
                runs.add(new ArrayList<>(List.of(change)));
            }
        }
        return runs;
    }

    /**
     * New orders' builds, slotted one after the other in their order, then inserted with one statement that carries
     * their slots: a change later in the batch (a cancel of one of them) finds them in the database.
     */
    private Uni<Void> place(Planning p, List<Build> builds) {
        return Multi.createFrom().iterable(builds).onItem().transformToUniAndConcatenate(build -> slot(p, build, null, null))
                .collect().last().chain(() -> Build.insertAll(builds));
    }

    private Uni<Void> apply(Planning p, PlanChange change) {
        if (change instanceof PlanChange.Cancel cancel) {
            return cancel(p, cancel.orderId());
        }
        return change(p, ((PlanChange.Respecify) change).request());
    }

    /**
     * Decides a brand's cancel request. The planning lock comes first, as in every planning change (a cancel
     * holding the build's row while waiting for that lock could deadlock with a planning transaction that moves the
     * build), then the build's row lock, which {@link PlantFloor} takes too to start a build: the cancel and the
     * start are serialised, and the one that comes second sees what the first decided. A build not started is
     * cancelled, its slot and pack going back to a blocked order of its region (BuildCancelled); a started one goes
     * on (CancelRefused). An order the plant never saw (its OrderPlaced dead-lettered) is remembered as cancelled, so
     * its OrderPlaced replayed later does not revive it. A build placed earlier in the same batch is a row already
     * ({@link #place}).
     */
    private Uni<Void> cancel(Planning p, UUID orderId) {
        return Build.<Build>findById(orderId, LockModeType.PESSIMISTIC_WRITE).chain(build -> {
            Instant now = clock.instant();
            if (build == null) {
                return cancelledOrders.remember(orderId, now).chain(first -> first
                        ? p.announce(new BuildCancelled(orderId, null, null, now))
                        : Uni.createFrom().voidItem());
            }
            return switch (build.status) {
                case CANCELLED -> Uni.createFrom().voidItem();
                case IN_PRODUCTION, BUILT -> p.announce(new CancelRefused(orderId, "build started at " + build.startedAt, now));
                case SCHEDULED, BLOCKED -> release(p, build, now);
            };
        });
    }

    private Uni<Void> release(Planning p, Build build, Instant now) {
        boolean held = build.status == BuildStatus.SCHEDULED;
        build.status = BuildStatus.CANCELLED;
        String week = held ? IsoWeek.of(build.plannedDate).toString() : null;
        Uni<Void> announced = p.announce(new BuildCancelled(build.orderId, build.region, week, now));
        if (!held) {
            return announced;
        }
        p.plan.release(build.plannedDate, build.region);
        return announced.chain(() -> reslotBlocked(p, build.region, IsoWeek.parse(week)));
    }

    /**
     * Decides a brand's order change, locked as a cancel is (planning lock, then the build's row, which the plant
     * floor takes to start it). A build not past the freeze point ({@link FreezePoint}) takes the new market, colour
     * and packs: it keeps its day unless the change adds a carrier of a HIGH-priority sequencing rule its day has no
     * room for ({@link StationLoad}), then it moves to the earliest later day that has room, a line slot and a pack
     * (BuildRescheduled), or is blocked. The car count of every day stays as it was, so capacity, the EV cap and the
     * region's packs never force a move. BuildChanged announces the applied change; a build that started, is cancelled,
     * unknown or frozen stays as it is (BuildChangeRefused).
     */
    private Uni<Void> change(Planning p, OrderChangeRequested request) {
        return Build.<Build>findById(request.orderId(), LockModeType.PESSIMISTIC_WRITE)
                .chain(build -> {
                    if (build == null) {
                        return cancelledOrders.isCancelled(request.orderId()).chain(cancelled -> refuseChange(p, request,
                                cancelled ? "the order is cancelled" : "the plant has no build of this order"));
                    }
                    return switch (build.status) {
                        case CANCELLED -> refuseChange(p, request, "the order is cancelled");
                        case IN_PRODUCTION, BUILT -> refuseChange(p, request, "the build started at " + build.startedAt);
                        case BLOCKED -> respecify(p, build, request);
                        case SCHEDULED -> freezePoint.frozen(build.plannedDate).chain(frozen -> frozen != null
                                ? refuseChange(p, request, frozen) : respecify(p, build, request));
                    };
                });
    }

    private Uni<Void> refuseChange(Planning p, OrderChangeRequested request, String reason) {
        return p.announce(new BuildChangeRefused(request.orderId(), request.changeId(), reason, clock.instant()));
    }

    private Uni<Void> respecify(Planning p, Build build, OrderChangeRequested request) {
        Build.Spec before = build.spec();
        build.respecify(new Build.Spec(request.market(), request.exteriorColour(),
                request.optionPacks() == null ? List.of() : request.optionPacks()));
        if (build.status != BuildStatus.SCHEDULED) {
            return announceChange(p, build, request, true);
        }
        LocalDate previous = build.plannedDate;
        return stationLoad.overloaded(build, before, previous).chain(full -> {
            if (full.isEmpty()) {
                return announceChange(p, build, request, true);
            }
            p.plan.release(previous, build.region);
            String why = "order change " + request.changeId() + ": " + previous + " has no room for another car of "
                    + String.join(", ", full);
            return roomyDay(p, build, before, previous.plusDays(1))
                    .chain(slot -> settle(p, build, slot, previous, why))
                    .chain(() -> announceChange(p, build, request, false));
        });
    }

    /** The earliest slot from {@code from} on whose day can take the changed build, or why it is blocked. */
    private Uni<Slot> roomyDay(Planning p, Build build, Build.Spec before, LocalDate from) {
        Slot slot = p.plan.slot(build.region, from);
        if (!(slot instanceof Slot.Scheduled scheduled)) {
            return Uni.createFrom().item(slot);
        }
        return stationLoad.overloaded(build, before, scheduled.date()).chain(full -> {
            if (full.isEmpty()) {
                return Uni.createFrom().item(slot);
            }
            p.plan.release(scheduled.date(), build.region);
            return roomyDay(p, build, before, scheduled.date().plusDays(1));
        });
    }

    private Uni<Void> announceChange(Planning p, Build build, OrderChangeRequested request, boolean slotKept) {
        String week = build.plannedDate == null ? null : IsoWeek.of(build.plannedDate).toString();
        return p.announce(new BuildChanged(build.orderId, request.changeId(), build.market, build.region,
                build.exteriorColour, build.optionPackList(), build.plannedDate, week, slotKept, clock.instant()));
    }

    /**
     * New totals for weeks and regions (PacksAllocated carries totals: of several for one week and region the newest
     * counts, and one older than the total stored changes nothing). A week with fewer packs than its builds took
     * moves the excess out (lowest priority, latest order first). Then each region with packs left in a week it was
     * allocated gives them to its orders blocked for packs in that week or earlier. A run of allocations costs a
     * query for their stored totals, one per week that lost builds and one per region that gained packs, however
     * many allocations it holds (supplier-service re-allocates dozens of weeks a second while demand pours in).
     */
    private Uni<Void> packsAllocated(Planning p, List<PacksAllocated> run) {
        Map<PackBudget.Key, PacksAllocated> newest = new LinkedHashMap<>();
        run.forEach(allocation -> newest.merge(keyOf(allocation), allocation,
                (kept, next) -> next.allocatedAt().isBefore(kept.allocatedAt()) ? kept : next));
        Set<String> weeks = newest.values().stream().map(PacksAllocated::week).collect(Collectors.toSet());
        return PackBudget.<PackBudget>list("week in ?1", weeks).chain(stored -> {
            Map<PackBudget.Key, PackBudget> budgets = stored.stream()
                    .collect(Collectors.toMap(b -> new PackBudget.Key(b.week, b.region), b -> b));
            List<PackBudget> created = new ArrayList<>();
            List<PacksAllocated> applied = new ArrayList<>();
            newest.forEach((key, allocation) -> {
                PackBudget budget = budgets.get(key);
                if (budget != null && budget.allocatedAt.isAfter(allocation.allocatedAt())) {
                    return;
                }
                if (budget == null) {
                    budget = new PackBudget();
                    budget.week = key.week;
                    budget.region = key.region;
                    created.add(budget);
                }
                budget.allocated = allocation.packs();
                budget.allocatedAt = allocation.allocatedAt();
                budget.suppliers = allocation.sources().stream()
                        .map(source -> source.supplier() + ":" + source.packs()).collect(Collectors.joining(","));
                p.plan.allocatePacks(IsoWeek.parse(allocation.week()), allocation.region(), allocation.packs());
                applied.add(allocation);
            });
            return (created.isEmpty() ? Uni.createFrom().voidItem() : PackBudget.persist(created))
                    .chain(() -> Multi.createFrom().iterable(applied)
                            .onItem().transformToUniAndConcatenate(allocation -> moveOutOfWeek(p, allocation.region(),
                                    IsoWeek.parse(allocation.week())))
                            .collect().last())
                    .chain(() -> Multi.createFrom().items(Region.values())
                            .onItem().transformToUniAndConcatenate(region -> reslotWaitingForPacks(p, region, applied.stream()
                                    .filter(allocation -> allocation.region() == region)
                                    .map(allocation -> IsoWeek.parse(allocation.week())).toList()))
                            .collect().last())
                    .replaceWithVoid();
        });
    }

    private static PackBudget.Key keyOf(PacksAllocated allocation) {
        return new PackBudget.Key(allocation.week(), allocation.region().name());
    }

    /**
     * Blocked orders try again as the horizon moves on: each call takes the next batch of each region's backlog
     * after where the last call stopped (highest priority, then first come), wrapping at the end, so no order
     * waits behind a first batch that never fits. Answers how many of them found a slot. Runs in the caller's
     * transaction.
     */
    public Uni<Integer> reslotAllBlocked() {
        return planning(p -> Multi.createFrom().items(Region.values())
                .onItem().transformToUniAndConcatenate(region -> {
                    BacklogKey after = retryCursor.get(region);
                    return nextBlocked(region, after).chain(blocked -> {
                        if (blocked.size() < reslotBatch) {
                            retryCursor.remove(region);
                        } else {
                            Build last = blocked.get(blocked.size() - 1);
                            retryCursor.put(region, new BacklogKey(last.priority, last.placedAt, last.orderId));
                        }
                        return slotAll(p, blocked).map(ignored -> (int) blocked.stream()
                                .filter(build -> build.status == BuildStatus.SCHEDULED).count());
                    });
                })
                .collect().with(Collectors.summingInt(Integer::intValue)));
    }

    /**
     * A new calendar: builds on days that lost capacity move with the fewest moves (only the excess of each day,
     * lowest priority and latest order first) to their earliest feasible day from their old day on; then the
     * first batch of each region's blocked orders tries again (the periodic retry goes through the rest). Runs in
     * the caller's transaction, which also stores the calendar.
     */
    public Uni<Versioned<PlantCalendar>> changeCalendar(PlantCalendar calendar, int expectedVersion, String user) {
        return calendars.replace(calendar, expectedVersion, user)
                .call(changed -> planning(p -> {
                    p.replaceCalendar(calendar);
                    return moveExcess(p).chain(() -> Multi.createFrom().items(Region.values())
                            .onItem().transformToUniAndConcatenate(region -> nextBlocked(region, null)
                                    .chain(blocked -> slotAll(p, blocked)))
                            .collect().last());
                }));
    }

    /**
     * The excess of every overbooked day in one pass: one query for the builds of those days, then the lowest
     * priority and latest order of each day move, day by day, in the plan in memory.
     */
    private Uni<Void> moveExcess(Planning p) {
        Map<LocalDate, Integer> overbooked = p.plan.overbookedDays();
        if (overbooked.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Build.<Build>find("status = ?1 and plannedDate in ?2 order by plannedDate, " + PlanPriority.GIVES_UP_FIRST.orderBy(),
                        BuildStatus.SCHEDULED, overbooked.keySet()).list()
                .chain(builds -> {
                    Map<LocalDate, List<Build>> byDay = builds.stream()
                            .collect(Collectors.groupingBy(b -> b.plannedDate, TreeMap::new, Collectors.toList()));
                    List<Build> excess = byDay.entrySet().stream()
                            .flatMap(day -> day.getValue().stream().limit(overbooked.get(day.getKey())))
                            .toList();
                    return move(p, excess, "the plant calendar changed");
                });
    }

    /**
     * A smaller allocation than the builds already holding packs in that week: as many of its scheduled builds as it
     * lacks packs for (not today's frozen sequence) move out, lowest priority and latest order first, to a later week
     * with packs or to blocked.
     */
    private Uni<Void> moveOutOfWeek(Planning p, Region region, IsoWeek week) {
        int missing = -p.plan.packsLeft(week, region);
        if (missing <= 0) {
            return Uni.createFrom().voidItem();
        }
        return PackQueries.givingUp(region, week, p.start).page(0, missing).list()
                .chain(builds -> move(p, builds, "fewer battery packs allocated for " + region + " in " + week));
    }

    /** Gives up each build's slot and pack and slots it again from its old day on. */
    private Uni<Void> move(Planning p, List<Build> builds, String why) {
        return Multi.createFrom().iterable(builds)
                .onItem().transformToUniAndConcatenate(build -> {
                    p.plan.release(build.plannedDate, build.region);
                    return slot(p, build, build.plannedDate, why);
                })
                .collect().last().replaceWithVoid();
    }

    /**
     * New packs for some weeks help only orders of their region blocked for packs in the latest of those weeks or
     * earlier, and at most as many as those weeks have packs left: an allocation never re-tries the whole blocked
     * backlog, which would make every allocation cost as much as the backlog is long.
     */
    private Uni<Void> reslotWaitingForPacks(Planning p, Region region, List<IsoWeek> weeks) {
        List<IsoWeek> withPacks = weeks.stream().filter(week -> p.plan.packsLeft(week, region) > 0).toList();
        int packsLeft = withPacks.stream().mapToInt(week -> p.plan.packsLeft(week, region)).sum();
        if (packsLeft <= 0) {
            return Uni.createFrom().voidItem();
        }
        IsoWeek latest = withPacks.stream().max(Comparator.naturalOrder()).orElseThrow();
        return PackQueries.waitingForPacks(region, latest).page(0, Math.min(packsLeft, reslotBatch)).list()
                .chain(blocked -> slotAll(p, blocked));
    }

    /**
     * The first batch of a region's orders blocked in {@code upTo} or earlier (the ones a slot freed in that week
     * can help), highest priority then first come.
     */
    private Uni<Void> reslotBlocked(Planning p, Region region, IsoWeek upTo) {
        return Build.<Build>find("status = ?1 and region = ?2 and blockedWeek <= ?3 order by " + PlanPriority.SLOTS_FIRST.orderBy(),
                        BuildStatus.BLOCKED, region, upTo.toString())
                .page(0, reslotBatch).list()
                .chain(blocked -> slotAll(p, blocked));
    }

    /** The batch of a region's blocked orders after {@code after} in backlog order (by key, not by offset). */
    private Uni<List<Build>> nextBlocked(Region region, BacklogKey after) {
        String order = " order by " + PlanPriority.SLOTS_FIRST.orderBy();
        if (after == null) {
            return Build.<Build>find("status = ?1 and region = ?2" + order, BuildStatus.BLOCKED, region)
                    .page(0, reslotBatch).list();
        }
        return Build.<Build>find("status = :status and region = :region and (priority < :priority"
                                + " or (priority = :priority and (placedAt > :placedAt"
                                + " or (placedAt = :placedAt and orderId > :orderId))))" + order,
                        Parameters.with("status", BuildStatus.BLOCKED).and("region", region)
                                .and("priority", after.priority()).and("placedAt", after.placedAt())
                                .and("orderId", after.orderId()))
                .page(0, reslotBatch).list();
    }

    private Uni<Void> slotAll(Planning p, List<Build> builds) {
        return Multi.createFrom().iterable(builds)
                .onItem().transformToUniAndConcatenate(build -> slot(p, build, null, null))
                .collect().last().replaceWithVoid();
    }

    /**
     * Slots one build and announces the outcome. A build being moved has its old day in {@code previous}: it
     * takes the earliest feasible day from that day on (fewest surprises for the plant and the customer), and
     * {@code why} goes into BuildRescheduled.
     */
    private Uni<Void> slot(Planning p, Build build, LocalDate previous, String why) {
        return settle(p, build, p.plan.slot(build.region, previous != null ? previous : build.notBefore(p.start)),
                previous, why);
    }

    /** Takes the slot found for a build into it and announces it (rescheduled from {@code previous} when moved). */
    private Uni<Void> settle(Planning p, Build build, Slot slot, LocalDate previous, String why) {
        if (slot instanceof Slot.Scheduled scheduled) {
            build.status = BuildStatus.SCHEDULED;
            build.plannedDate = scheduled.date();
            build.blockedReason = null;
            build.blockedWeek = null;
            build.blockedDetail = null;
            String week = IsoWeek.of(scheduled.date()).toString();
            if (previous != null) {
                return p.announce(new BuildRescheduled(build.orderId, build.region, previous, scheduled.date(), week, why,
                        clock.instant()));
            }
            return p.announce(new BuildScheduled(build.orderId, build.market, build.region, build.variant,
                    scheduled.date(), week, clock.instant()));
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
        return p.announce(new BuildBlocked(build.orderId, build.market, build.region, blocked.reason(),
                blocked.week().toString(), blocked.detail(), clock.instant()));
    }

    /** The plan the next unit of work starts from, reloaded if it is stale. Runs in the caller's transaction. */
    public Uni<LinePlan> plan() {
        return planning(p -> Uni.createFrom().item(p.base.plan()));
    }

    /**
     * The unit of work of all planning: runs {@code work} on a draft of the up-to-date plan under the planning
     * lock, in the caller's transaction (and fails without one: the lock and the token hold only until it ends).
     * The draft is the only way to change the plan, and it becomes the cache only in {@link Planning#save}.
     */
    private <T> Uni<T> planning(Function<Planning, Uni<T>> work) {
        LocalDate start = firstPlanDay();
        return Panache.getSession()
                .invoke(Planner::requireTransaction)
                .chain(session -> session.createNativeQuery(AdvisoryLock.LINE_PLANNING.xactLock())
                        .getSingleResult()
                        .chain(() -> upToDate(session, start))
                        .map(Planning::new)
                        .chain(p -> work.apply(p).call(() -> outbox.appendAll(p.announced)).call(() -> p.save(session))));
    }

    /** The cached plan if the caller's transaction sees the token it is stored under, else the plan loaded. */
    private Uni<Cached> upToDate(Mutiny.Session session, LocalDate start) {
        return session.createNativeQuery("SELECT token FROM plan_state WHERE id = 1", String.class).getSingleResult()
                .chain(token -> {
                    Cached current = cached;
                    if (current == null || !current.token().equals(token) || start.isBefore(current.start())) {
                        return load(start, token);
                    }
                    return Uni.createFrom().item(current.start().equals(start) ? current : current.advancedTo(start));
                })
                .invoke(this::warnIfBeyondHolidays);
    }

    /** A plan as one transaction saw it, and the first day it plans from. */
    public record Snapshot(LinePlan plan, LocalDate start) {
    }

    /**
     * The plan as the caller's transaction sees the database, for a reader that changes nothing (a what-if): the
     * cached version if the database holds its token, else a reload. It takes no planning lock and never becomes
     * the cache; it matches the build rows the caller reads as long as the caller's transaction reads one snapshot
     * (repeatable read). Runs in the caller's transaction.
     */
    public Uni<Snapshot> snapshot() {
        LocalDate start = firstPlanDay();
        return Panache.getSession()
                .invoke(Planner::requireTransaction)
                .chain(session -> upToDate(session, start))
                .map(current -> new Snapshot(current.plan(), start));
    }

    private static void requireTransaction(Mutiny.Session session) {
        if (session.currentTransaction() == null) {
            throw new IllegalStateException("planning runs in the caller's transaction, and there is none");
        }
    }

    /**
     * Rebuilds the plan from the aggregates: the calendar's days, the builds per day and region, the pack budgets.
     * A day with builds that the calendar no longer has (a calendar change committed by a transaction whose moves
     * did not happen yet) stays in the plan with no capacity, so it shows as overbooked instead of losing its builds.
     */
    private Uni<Cached> load(LocalDate start, String token) {
        return calendars.current().chain(current -> SlotCounts.PER_REGION.between(IsoWeek.of(start).monday(), SlotCounts.OPEN_END)
                .chain(counts -> PackBudget.<PackBudget>listAll().map(budgets -> {
                    PlantCalendar calendar = current.document();
                    List<LineDay> days = new ArrayList<>(calendar.lineDays(start));
                    Set<LocalDate> known = days.stream().map(LineDay::date).collect(Collectors.toCollection(HashSet::new));
                    counts.stream().map(SlotCounts.DayCount::date).filter(d -> !d.isBefore(start) && known.add(d))
                            .forEach(d -> days.add(new LineDay(d, 0, 0)));
                    days.sort(Comparator.comparing(LineDay::date));
                    LinePlan.Draft loaded = new LinePlan(days).edit();
                    counts.forEach(c -> loaded.occupy(c.date(), Region.valueOf(c.key()), c.count()));
                    IsoWeek first = IsoWeek.of(start);
                    budgets.stream().filter(b -> IsoWeek.parse(b.week).compareTo(first) >= 0)
                            .forEach(b -> loaded.allocatePacks(IsoWeek.parse(b.week), Region.valueOf(b.region), b.allocated));
                    return new Cached(loaded.commit(), token, start, calendar);
                })));
    }

    /**
     * Once per year the horizon reaches that the calendar in force lists no holiday in (not at every plant day of it):
     * the built-in holidays end, or a calendar a planner stored before they were extended.
     */
    private void warnIfBeyondHolidays(Cached plan) {
        LocalDate end = plan.start().plusWeeks(plan.calendar().horizonWeeks());
        int year = end.getYear();
        if (!plan.calendar().listsHolidaysIn(year) && holidaysWarnedUpTo.getAndAccumulate(year, Math::max) < year) {
            LOG.warnf("The planning horizon reaches %s, but the plant calendar lists no holiday in %d: add that year's "
                    + "public holidays with PUT /api/v1/calendar (the built-in Korean ones run to %d)", end, year,
                    KoreanHolidays.LAST_KNOWN_YEAR);
        }
    }

    /**
     * One planning transaction's unit of work: a draft of the plan it started from (the cache, or a reload valid
     * under the token the database holds). Nothing else can write the plan, and the draft is private to this
     * transaction: if the transaction fails, the draft is dropped with it.
     */
    private final class Planning {
        final LinePlan.Draft plan;
        final LocalDate start;
        private final Cached base;
        private PlantCalendar calendar;
        /**
         * The events of this unit of work in the order they happened, appended to the outbox together at its end
         * with one statement ({@link Outbox#appendAll}): appending each event as it happened interleaved them with the
         * builds, one insert statement per row (Hibernate batches only consecutive rows of one table).
         */
        private final List<DomainEvent> announced = new ArrayList<>();

        Planning(Cached base) {
            this.base = base;
            this.plan = base.plan().edit();
            this.start = base.start();
            this.calendar = base.calendar();
        }

        Uni<Void> announce(DomainEvent event) {
            announced.add(event);
            return Uni.createFrom().voidItem();
        }

        /** The plan's days from a new calendar; the calendar goes into the cache with the plan. */
        void replaceCalendar(PlantCalendar replacement) {
            calendar = replacement;
            plan.replaceDays(replacement.lineDays(start));
        }

        /**
         * A changed plan becomes the cache under a fresh token written in this transaction: valid once it commits,
         * stale if it rolls back, since the database then keeps the old token. An unchanged plan writes nothing, so
         * the other replicas keep their caches; a reload becomes the cache under the token it was read with (what
         * the plan is loaded from, calendar and budgets, changes only together with the draft).
         */
        Uni<Void> save(Mutiny.Session session) {
            if (!plan.hasChanges()) {
                cached = base;
                return Uni.createFrom().voidItem();
            }
            String token = UUID.randomUUID().toString();
            LinePlan changed = plan.commit();
            return session.createNativeQuery("UPDATE plan_state SET token = ?1 WHERE id = 1")
                    .setParameter(1, token).executeUpdate()
                    .invoke(() -> cached = new Cached(changed, token, start, calendar))
                    .replaceWithVoid();
        }
    }
}
