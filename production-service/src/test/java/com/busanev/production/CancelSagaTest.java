package com.busanev.production;

import static com.busanev.production.Plant.FLOOR;
import static com.busanev.production.Plant.PLANT;
import static com.busanev.production.Plant.VIEWER;
import static com.busanev.production.Plant.as;
import static com.busanev.production.Plant.awaitEvent;
import static com.busanev.production.Plant.orderPlaced;
import static com.busanev.production.Plant.packFor;
import static com.busanev.production.Plant.placed;
import static com.busanev.production.Plant.publish;
import static com.busanev.production.Plant.received;
import static com.busanev.production.Plant.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.busanev.events.BlockReason;
import com.busanev.events.BuildBlocked;
import com.busanev.events.BuildCancelled;
import com.busanev.events.BuildScheduled;
import com.busanev.events.CancelRefused;
import com.busanev.events.EventType;
import com.busanev.events.IsoWeek;
import com.busanev.events.OrderCancelRequested;
import com.busanev.events.PacksAllocated;
import com.busanev.events.Region;
import com.busanev.testing.CloudEventRecords;
import com.busanev.testing.KafkaResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The plant decides a brand's cancel request: a build that has not started is cancelled, a started one is not.
 * Runs last: it builds cars today, which ProductionFlowTest's KPIs of today must not count.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE)
class CancelSagaTest {
    private static final int RACING_ORDERS = 100;
    private static final int COLLIDING_ORDERS = 20;
    private static final int FLOOR_TERMINALS = 4;
    /** Transactions of this database waiting for another's row lock (not for the planning lock). */
    private static final String ROW_LOCK_WAITERS = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            + " AND wait_event_type = 'Lock' AND wait_event IN ('transactionid', 'tuple')";

    @Inject
    AgroalDataSource database;

    @Test
    void aBuildThatHasNotStartedIsCancelledAndAStartedOneIsNot() {
        IsoWeek week = IsoWeek.of(LocalDate.now(PLANT)).plusWeeks(22);
        publish(new PacksAllocated(week.toString(), Region.NA, 5, List.of(), Instant.now()));
        UUID started = placed("US", Region.NA, week.toString());
        awaitEvent(started, BuildScheduled.class);
        as(FLOOR).post("/api/v1/builds/" + started + "/start").then().statusCode(200);
        publish(new OrderCancelRequested(started, "polestar", "too late", Instant.now()));
        assertThat(awaitEvent(started, CancelRefused.class).reason()).startsWith("build started at ");
        as(VIEWER).get("/api/v1/builds/" + started).then().body("status", equalTo("IN_PRODUCTION"));

        UUID blocked = placed("CA", Region.NA, week.plusWeeks(40).toString());
        assertThat(awaitEvent(blocked, BuildBlocked.class).reason()).isEqualTo(BlockReason.NO_CAPACITY);
        publish(new OrderCancelRequested(blocked, "polestar", null, Instant.now()));
        BuildCancelled cancelled = awaitEvent(blocked, BuildCancelled.class);
        assertThat(cancelled.region()).isEqualTo(Region.NA);
        assertThat(cancelled.week()).as("it held no slot").isNull();
        as(VIEWER).get("/api/v1/builds/" + blocked).then().body("status", equalTo("CANCELLED"));
        as(FLOOR).post("/api/v1/builds/" + blocked + "/start").then().statusCode(409);
    }

    @Test
    void aCancelBeforeThePlantKnowsTheOrderIsGrantedAndItsOrderPlacedReplayedLaterIsIgnored() {
        UUID order = UUID.randomUUID();
        publish(new OrderCancelRequested(order, "polestar", null, Instant.now()));
        assertThat(awaitEvent(order, BuildCancelled.class).region()).as("the plant never saw the order").isNull();

        publish(orderPlaced(order, "DE", Region.EU, null, 0));
        // Another order's OrderPlaced on the same key (so the same partition) is read after the replay.
        UUID marker = UUID.randomUUID();
        String beyond = IsoWeek.of(LocalDate.now(PLANT)).plusWeeks(60).toString();
        var record = CloudEventRecords.of(orderPlaced(marker, "DE", Region.EU, beyond, 0));
        KafkaResource.companion().produceStrings().fromRecords(new ProducerRecord<>(record.topic(), null,
                order.toString(), record.value(), record.headers())).awaitCompletion();
        awaitEvent(marker, BuildBlocked.class);
        as(VIEWER).get("/api/v1/builds/" + order).then().statusCode(404);
    }

    /**
     * The cancel (the consumer) and the plant floor (start, then complete) reach the same builds at the same time.
     * Each locks the build's row in the transaction that changes it, so one of them wins cleanly: the build is
     * cancelled and never starts, or it is built and the cancel is refused.
     */
    @Test
    void cancelsAndTheFloorRacingThroughTheSameBuildsHaveExactlyOneOutcomePerBuild() throws Exception {
        List<UUID> orders = scheduled(RACING_ORDERS, 0);
        List<ProducerRecord<String, String>> cancels = orders.stream()
                .map(id -> CloudEventRecords.of(new OrderCancelRequested(id, "polestar", "race", Instant.now()))).toList();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService floor = Executors.newFixedThreadPool(FLOOR_TERMINALS);
        try {
            List<Future<List<Integer>>> answers = new ArrayList<>();
            for (UUID id : orders) {
                answers.add(floor.submit(() -> {
                    go.await();
                    return startAndComplete(id);
                }));
            }
            go.countDown();
            KafkaResource.companion().produceStrings().fromRecords(cancels).awaitCompletion();
            assertCleanAnswers(answers);
        } finally {
            floor.shutdownNow();
        }
        assertOneOutcomePerBuild(orders);
    }

    /**
     * The same race made certain: the test holds each build's row while the cancel and the floor's start reach it,
     * so both queue on it (the cancel first for half the builds, the start first for the others) and the one served
     * second must see what the first decided.
     */
    @Test
    void aCancelAndAStartQueuedOnTheSameBuildAreServedOneAfterTheOther() throws Exception {
        List<UUID> orders = scheduled(COLLIDING_ORDERS, 3);
        ExecutorService floor = Executors.newSingleThreadExecutor();
        List<Future<List<Integer>>> answers = new ArrayList<>();
        try (var holder = database.getConnection(); var lock = holder.prepareStatement(
                "SELECT order_id FROM build WHERE order_id = ? FOR UPDATE")) {
            holder.setAutoCommit(false);
            for (int i = 0; i < orders.size(); i++) {
                UUID id = orders.get(i);
                lock.setObject(1, id);
                lock.executeQuery().close();
                // Half the builds see the cancel queue first, half the start: each must be able to win.
                Runnable cancel = () -> publish(new OrderCancelRequested(id, "polestar", "collision", Instant.now()));
                Future<List<Integer>> answer;
                if (i % 2 == 0) {
                    cancel.run();
                    awaitRowLockWaiters(1);
                    answer = floor.submit(() -> startAndComplete(id));
                } else {
                    answer = floor.submit(() -> startAndComplete(id));
                    awaitRowLockWaiters(1);
                    cancel.run();
                }
                awaitRowLockWaiters(2);
                holder.commit();
                answers.add(answer);
                answer.get(1, TimeUnit.MINUTES);
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> decided(events(List.of(id)).get(id)));
            }
            assertCleanAnswers(answers);
        } finally {
            floor.shutdownNow();
        }
        assertOneOutcomePerBuild(orders);
    }

    private void awaitRowLockWaiters(int waiters) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(ROW_LOCK_WAITERS) >= waiters);
    }

    /** {@code count} KR orders for any day, scheduled; packs for the weeks from {@code weeksAhead} on. */
    private List<UUID> scheduled(int count, int weeksAhead) throws Exception {
        IsoWeek first = IsoWeek.of(LocalDate.now(PLANT)).plusWeeks(weeksAhead);
        List<String> weeks = List.of(first.toString(), first.plusWeeks(1).toString(), first.plusWeeks(2).toString());
        weeks.forEach(week -> publish(new PacksAllocated(week, Region.KR, RACING_ORDERS, List.of(), Instant.now())));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM pack_budget WHERE region = 'KR' AND week = ANY(?)", "text", weeks) == weeks.size());
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            orders.add(placed("KR", Region.KR, first.toString()));
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> count(
                "SELECT count(*) FROM build WHERE status = 'SCHEDULED' AND order_id = ANY(?)", "uuid", orders) == count);
        // a pack in stock for each car, so a completion that wins the race is a 200
        List<String> packs = orders.stream().map(Plant::packFor).toList();
        received("SDI", List.of("KR"), packs);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> count(
                "SELECT count(*) FROM received_pack WHERE serial = ANY(?)", "text", packs) == count);
        return orders;
    }

    private static List<Integer> startAndComplete(UUID id) {
        int start = as(FLOOR).post("/api/v1/builds/" + id + "/start").statusCode();
        return start != 200 ? List.of(start) : List.of(start, as(FLOOR)
                .body(report(packFor(id))).post("/api/v1/builds/" + id + "/complete").statusCode());
    }

    private static void assertCleanAnswers(List<Future<List<Integer>>> answers) throws Exception {
        for (Future<List<Integer>> answer : answers) {
            assertThat(answer.get(2, TimeUnit.MINUTES)).as("the floor is told 200 or 409, never a failure")
                    .allSatisfy(status -> assertThat(status).isIn(200, 409));
        }
    }

    private static boolean decided(List<String> types) {
        return types.contains(EventType.BUILD_CANCELLED.ceType()) || types.contains(EventType.CANCEL_REFUSED.ceType());
    }

    /** Cancelled and never started, or built with the cancel refused: one outcome per build, in events and status. */
    private void assertOneOutcomePerBuild(List<UUID> orders) throws Exception {
        String cancelled = EventType.BUILD_CANCELLED.ceType();
        String refused = EventType.CANCEL_REFUSED.ceType();
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> events(orders).values().stream()
                .filter(CancelSagaTest::decided).count() == orders.size());
        Map<UUID, List<String>> events = events(orders);
        Map<UUID, String> statuses = statuses(orders);
        int granted = 0;
        for (UUID id : orders) {
            List<String> types = events.get(id);
            if (types.contains(cancelled)) {
                granted++;
                assertThat(types).as("order %s", id).containsOnlyOnce(cancelled)
                        .doesNotContain(EventType.BUILD_STARTED.ceType(), EventType.VEHICLE_BUILT.ceType(), refused);
                assertThat(statuses.get(id)).isEqualTo("CANCELLED");
            } else {
                assertThat(types).as("order %s", id).containsOnlyOnce(refused, EventType.BUILD_STARTED.ceType(),
                        EventType.VEHICLE_BUILT.ceType());
                assertThat(statuses.get(id)).isEqualTo("BUILT");
            }
        }
        System.out.printf("cancel race: %d of %d builds cancelled, %d built with the cancel refused%n", granted,
                orders.size(), orders.size() - granted);
    }

    private long count(String sql, String type, List<?> values) throws SQLException {
        try (var connection = database.getConnection(); var statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf(type, values.toArray()));
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (var connection = database.getConnection(); var statement = connection.prepareStatement(sql)) {
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** The event types in the outbox per order. */
    private Map<UUID, List<String>> events(List<UUID> orders) throws SQLException {
        Map<UUID, List<String>> events = new HashMap<>();
        orders.forEach(id -> events.put(id, new ArrayList<>()));
        try (var connection = database.getConnection(); var statement = connection.prepareStatement(
                "SELECT subject, event_type FROM outbox_event WHERE subject = ANY(?) ORDER BY seq")) {
            statement.setArray(1, connection.createArrayOf("text", orders.stream().map(UUID::toString).toArray()));
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    events.get(UUID.fromString(result.getString(1))).add(result.getString(2));
                }
            }
        }
        return events;
    }

    private Map<UUID, String> statuses(List<UUID> orders) throws SQLException {
        Map<UUID, String> statuses = new HashMap<>();
        try (var connection = database.getConnection(); var statement = connection.prepareStatement(
                "SELECT order_id, status FROM build WHERE order_id = ANY(?)")) {
            statement.setArray(1, connection.createArrayOf("uuid", orders.toArray()));
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    statuses.put(result.getObject(1, UUID.class), result.getString(2));
                }
            }
        }
        return statuses;
    }
}
