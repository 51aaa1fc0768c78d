package com.busanev.production.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.busanev.events.IsoWeek;
import com.busanev.events.PacksAllocated;
import com.busanev.events.Region;
import com.busanev.kit.inbox.CancelledOrders;
import com.busanev.kit.outbox.Outbox;
import com.busanev.production.build.Build;
import com.busanev.production.build.BuildStatus;
import com.busanev.production.calendar.Calendars;
import com.busanev.production.change.FreezePoint;
import com.busanev.production.sequence.StationLoad;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The plan cache against the database it caches: planning transactions that fail after touching the plan, and a
 * second replica over the same database. Each test plans EU builds in a week of its own, with a pack allocation as
 * the scarce capacity, and leaves no pack of it free (another test's blocked orders could take it).
 */
@QuarkusTest
class PlanCacheTest {
    private static final Region REGION = Region.EU;

    @Inject
    Planner planner;
    @Inject
    Calendars calendars;
    @Inject
    Outbox outbox;
    @Inject
    CancelledOrders cancelledOrders;
    @Inject
    Clock clock;
    @Inject
    AgroalDataSource database;
    @Inject
    PlanningConfig planningConfig;
    @Inject
    FreezePoint freezePoint;
    @Inject
    StationLoad stationLoad;

    private final List<UUID> placed = new ArrayList<>();

    @Test
    void aPlanningTransactionThatFailsLeavesTheNextPlanningOnTheCommittedPlan() throws Throwable {
        IsoWeek week = IsoWeek.of(LocalDate.now(ZoneId.of("Asia/Seoul"))).plusWeeks(21);
        allocate(planner, week, 3);
        inTransaction(() -> schedule(planner, builds(week, 1)));

        // A handler that slots two builds, then fails: its transaction rolls back.
        List<Build> rolledBack = builds(week, 2);
        assertThatThrownBy(() -> inTransaction(() -> schedule(planner, rolledBack)
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("the handler fails after planning")))))
                .hasMessageContaining("fails after planning");
        // Two builds slotted, then a constraint violation at commit: an order id that already exists.
        List<Build> failedAtCommit = builds(week, 2);
        Build duplicate = builds(week, 1).get(0);
        duplicate.orderId = placed.get(0);
        assertThatThrownBy(() -> inTransaction(() -> schedule(planner, failedAtCommit).chain(duplicate::persist)))
                .hasMessageContaining("duplicate key");
        // Both transactions had slotted their builds before they failed.
        assertThat(rolledBack).allMatch(build -> build.status == BuildStatus.SCHEDULED);
        assertThat(failedAtCommit).allMatch(build -> build.status == BuildStatus.SCHEDULED);

        assertPlanIsTheDatabase(planner, week);
        assertThat(inTransaction(planner::plan).packsLeft(week, REGION)).isEqualTo(2);

        // The packs the failed transactions took are free: two more builds fit that week, a third does not.
        List<Build> more = builds(week, 3);
        inTransaction(() -> schedule(planner, more));
        assertThat(status(more.get(0))).isEqualTo(BuildStatus.SCHEDULED);
        assertThat(status(more.get(1))).isEqualTo(BuildStatus.SCHEDULED);
        assertThat(status(more.get(2))).isEqualTo(BuildStatus.BLOCKED);
        assertPlanIsTheDatabase(planner, week);
    }

    @Test
    void aSecondReplicaPlansOnTheSlotsTheFirstOneTook() throws Throwable {
        IsoWeek week = IsoWeek.of(LocalDate.now(ZoneId.of("Asia/Seoul"))).plusWeeks(23);
        Planner replicaA = planner;
        Planner replicaB = new Planner(calendars, outbox, cancelledOrders, clock, freezePoint, stationLoad,
                planningConfig);
        allocate(replicaA, week, 3);
        // B caches the plan while all three packs are free.
        assertThat(inTransaction(replicaB::plan).packsLeft(week, REGION)).isEqualTo(3);

        List<Build> first = builds(week, 2);
        inTransaction(() -> schedule(replicaA, first));
        List<Build> second = builds(week, 2);
        inTransaction(() -> schedule(replicaB, second));

        assertThat(status(first.get(0))).isEqualTo(BuildStatus.SCHEDULED);
        assertThat(status(first.get(1))).isEqualTo(BuildStatus.SCHEDULED);
        assertThat(status(second.get(0))).isEqualTo(BuildStatus.SCHEDULED);
        assertThat(status(second.get(1))).as("no fourth build on three packs").isEqualTo(BuildStatus.BLOCKED);
        assertThat(slotsPerDay(week).values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
        assertPlanIsTheDatabase(replicaB, week);
        assertPlanIsTheDatabase(replicaA, week);
    }

    @Test
    void aNewPlantDayMovesTheCachedPlanOnAsAReloadWould() throws Throwable {
        IsoWeek week = IsoWeek.of(LocalDate.now(ZoneId.of("Asia/Seoul"))).plusWeeks(25);
        MovingClock moving = new MovingClock(clock);
        Planner replica = new Planner(calendars, outbox, cancelledOrders, moving, freezePoint, stationLoad,
                planningConfig);
        allocate(replica, week, 2);
        inTransaction(() -> schedule(replica, builds(week, 2)));
        LinePlan today = inTransaction(replica::plan);

        // Ten plant days on: the cached plan moves its first day (a reload only if another planner wrote meanwhile).
        moving.ahead = Duration.ofDays(10);
        LinePlan moved = inTransaction(replica::plan);
        LinePlan reloaded = inTransaction(new Planner(calendars, outbox, cancelledOrders, moving, freezePoint, stationLoad,
                planningConfig)::plan);
        assertThat(moved.weeks()).isEqualTo(reloaded.weeks()).isNotEqualTo(today.weeks());
        for (IsoWeek each : reloaded.weeks()) {
            for (LocalDate day = each.monday(); !day.isAfter(each.sunday()); day = day.plusDays(1)) {
                assertThat(moved.slotsTaken(day)).as("slots on %s", day).isEqualTo(reloaded.slotsTaken(day));
            }
        }
        for (Region region : Region.values()) {
            assertThat(moved.freeByWeek(region)).as("room of %s", region).isEqualTo(reloaded.freeByWeek(region));
        }
        assertPlanIsTheDatabase(replica, week);
    }

    /** The test's clock, moved on at will. */
    private static final class MovingClock extends Clock {
        private final Clock base;
        volatile Duration ahead = Duration.ZERO;

        MovingClock(Clock base) {
            this.base = base;
        }

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return base.instant().plus(ahead);
        }
    }

    /** Blocked builds of these tests give up their place in the backlog, so no later test's packs go to them. */
    @AfterEach
    void cancelWhatIsLeftBlocked() throws SQLException {
        try (var connection = database.getConnection();
                var statement = connection.prepareStatement(
                        "UPDATE build SET status = 'CANCELLED' WHERE status = 'BLOCKED' AND order_id = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("uuid", placed.toArray()));
            statement.executeUpdate();
        }
    }

    private void assertPlanIsTheDatabase(Planner replica, IsoWeek week) throws Throwable {
        LinePlan plan = inTransaction(replica::plan);
        Map<LocalDate, Integer> committed = slotsPerDay(week);
        for (LocalDate day = week.monday(); !day.isAfter(week.sunday()); day = day.plusDays(1)) {
            assertThat(plan.slotsTaken(day)).as("slots on %s", day).isEqualTo(committed.getOrDefault(day, 0));
        }
        int taken = committed.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(plan.packsLeft(week, REGION)).as("packs left in %s", week).isEqualTo(allocated(week) - taken);
    }

    private Map<LocalDate, Integer> slotsPerDay(IsoWeek week) throws SQLException {
        Map<LocalDate, Integer> counts = new HashMap<>();
        try (var connection = database.getConnection(); var statement = connection.prepareStatement(
                "SELECT planned_date, count(*) FROM build WHERE status IN ('SCHEDULED', 'IN_PRODUCTION', 'BUILT') "
                        + "AND planned_date BETWEEN ? AND ? GROUP BY planned_date")) {
            statement.setObject(1, week.monday());
            statement.setObject(2, week.sunday());
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getObject(1, LocalDate.class), rows.getInt(2));
                }
            }
        }
        return counts;
    }

    private int allocated(IsoWeek week) throws SQLException {
        try (var connection = database.getConnection(); var statement = connection.prepareStatement(
                "SELECT allocated FROM pack_budget WHERE week = ? AND region = ?")) {
            statement.setString(1, week.toString());
            statement.setString(2, REGION.name());
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }

    private BuildStatus status(Build build) throws SQLException {
        try (var connection = database.getConnection();
                var statement = connection.prepareStatement("SELECT status FROM build WHERE order_id = ?")) {
            statement.setObject(1, build.orderId);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? BuildStatus.valueOf(rows.getString(1)) : null;
            }
        }
    }

    private static void allocate(Planner replica, IsoWeek week, int packs) throws Throwable {
        inTransaction(() -> replica.apply(List.of(new PlanChange.Allocate(
                new PacksAllocated(week.toString(), REGION, packs, List.of(), Instant.now())))));
    }

    /** New orders for that week, as PlanningConsumer makes them. */
    private List<Build> builds(IsoWeek week, int count) {
        List<Build> builds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Build build = new Build();
            build.orderId = UUID.randomUUID();
            build.brand = "polestar";
            build.market = "DE";
            build.region = REGION;
            build.variant = "LONG_RANGE_DUAL_MOTOR";
            build.requestedWeek = week.toString();
            build.placedAt = Instant.now();
            build.status = BuildStatus.BLOCKED;
            builds.add(build);
            placed.add(build.orderId);
        }
        return builds;
    }

    private static Uni<Void> schedule(Planner replica, List<Build> builds) {
        return replica.apply(builds.stream().<PlanChange>map(PlanChange.Place::new).toList());
    }

    private static <T> T inTransaction(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
    }
}
