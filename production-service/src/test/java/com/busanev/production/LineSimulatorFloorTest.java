package com.busanev.production;

import static com.busanev.production.Plant.FLOOR;
import static com.busanev.production.Plant.PLANT;
import static com.busanev.production.Plant.as;
import static com.busanev.production.Plant.awaitEvent;
import static com.busanev.production.Plant.placed;
import static com.busanev.production.Plant.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.busanev.events.BuildScheduled;
import com.busanev.events.BuildStarted;
import com.busanev.events.IsoWeek;
import com.busanev.events.PackSource;
import com.busanev.events.PacksAllocated;
import com.busanev.events.PacksReceived;
import com.busanev.events.Region;
import com.busanev.events.VehicleBuilt;
import com.busanev.production.build.CompleteRequest;
import com.busanev.production.build.PlantFloor;
import com.busanev.production.build.Vin;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The line simulator's batched floor: due builds start with one statement and complete with packs in stock that
 * their market allows, as the floor's REST calls would; a build whose market has no pack in stock waits.
 */
@QuarkusTest
class LineSimulatorFloorTest {
    /** A plant day before any other test's builds: only this test's builds are due on it. */
    private static final LocalDate LONG_AGO = LocalDate.of(2001, 1, 2);

    @Inject
    PlantFloor floor;
    @Inject
    AgroalDataSource database;

    @Test
    void dueBuildsStartAndCompleteInBatchesWithPacksTheirMarketAllows() throws Throwable {
        IsoWeek week = IsoWeek.of(LocalDate.now(PLANT)).plusWeeks(17); // a week of its own
        publish(new PacksAllocated(week.toString(), Region.NA, 2, List.of(new PackSource(UUID.randomUUID(), "LGES", 2)),
                Instant.now()));
        publish(new PacksAllocated(week.toString(), Region.EU, 1, List.of(new PackSource(UUID.randomUUID(), "SKON", 1)),
                Instant.now()));
        UUID us1 = placed("US", Region.NA, week.toString());
        UUID us2 = placed("US", Region.NA, week.toString());
        UUID de = placed("DE", Region.EU, week.toString());
        List<UUID> mine = List.of(us1, us2, de);
        mine.forEach(order -> awaitEvent(order, BuildScheduled.class));
        sql("UPDATE build SET planned_date = ? WHERE order_id = ANY (?)", LONG_AGO, mine);

        assertThat(inTransaction(() -> floor.startDue(LONG_AGO.minusDays(1), 10))).isZero();
        assertThat(inTransaction(() -> floor.startDue(LONG_AGO, 10))).isEqualTo(3);
        assertThat(awaitEvent(de, BuildStarted.class).plannedDate()).isEqualTo(LONG_AGO);
        as(FLOOR).get("/api/v1/builds/" + us1).then().body("status", equalTo("IN_PRODUCTION"));
        assertThat(inTransaction(() -> floor.startDue(LONG_AGO, 10))).as("started once").isZero();

        // started long ago, so that no other test's car is due; two packs for US cars only (none for Germany)
        sql("UPDATE build SET started_at = ? WHERE order_id = ANY (?)", Timestamp.from(Instant.parse("2001-01-02T00:00:00Z")),
                mine);
        List<String> usPacks = List.of("SIM-" + us1, "SIM-" + us2);
        receivedLongAgo("LGES", List.of("US"), usPacks);
        Instant startedBefore = Instant.parse("2001-01-03T00:00:00Z");
        Supplier<CompleteRequest> report = () -> new CompleteRequest(1, 1400.0, null);

        assertThat(inTransaction(() -> floor.completeDue(startedBefore, 10, report))).isEqualTo(2);
        VehicleBuilt first = awaitEvent(us1, VehicleBuilt.class);
        VehicleBuilt second = awaitEvent(us2, VehicleBuilt.class);
        assertThat(Set.of(first.batteryPackSerial(), second.batteryPackSerial())).isEqualTo(Set.copyOf(usPacks));
        assertThat(List.of(first.vin(), second.vin())).allMatch(Vin::isValid).doesNotHaveDuplicates();
        assertThat(first.batterySupplier()).isEqualTo("LGES");
        assertThat(first.defects()).isEqualTo(1);
        as(FLOOR).get("/api/v1/builds/" + us1).then().body("status", equalTo("BUILT"))
                .body("vin", equalTo(first.vin())).body("batteryPackSerial", equalTo(first.batteryPackSerial()));
        as(FLOOR).get("/api/v1/builds/" + de).then().body("status", equalTo("IN_PRODUCTION"));
        assertThat(inTransaction(() -> floor.completeDue(startedBefore, 10, report))).as("no pack for DE").isZero();

        receivedLongAgo("SKON", List.of("DE", "FR"), List.of("SIM-" + de));
        assertThat(inTransaction(() -> floor.completeDue(startedBefore, 10, report))).isEqualTo(1);
        assertThat(awaitEvent(de, VehicleBuilt.class).batteryPackSerial()).isEqualTo("SIM-" + de);
        as(FLOOR).get("/api/v1/builds/" + de).then().body("status", equalTo("BUILT"));
    }

    /** Packs received on a day before any other test's, so they are the first in stock, once the plant has them. */
    private void receivedLongAgo(String supplier, List<String> markets, List<String> serials) {
        publish(new PacksReceived(UUID.randomUUID(), UUID.randomUUID(), supplier, serials, markets, LONG_AGO, Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(serials) == serials.size());
    }

    private long count(List<String> serials) throws Exception {
        try (var connection = database.getConnection();
                var statement = connection.prepareStatement("SELECT count(*) FROM received_pack WHERE serial = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("text", serials.toArray()));
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private void sql(String update, Object value, List<UUID> orders) throws Exception {
        try (var connection = database.getConnection(); var statement = connection.prepareStatement(update)) {
            statement.setObject(1, value);
            statement.setArray(2, connection.createArrayOf("uuid", orders.toArray()));
            assertThat(statement.executeUpdate()).isEqualTo(orders.size());
        }
    }

    private static <T> T inTransaction(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
    }
}
