package com.busanev.production;

import static com.busanev.production.Plant.FLOOR;
import static com.busanev.production.Plant.PLANNER;
import static com.busanev.production.Plant.PLANT;
import static com.busanev.production.Plant.VIEWER;
import static com.busanev.production.Plant.as;
import static com.busanev.production.Plant.awaitEvent;
import static com.busanev.production.Plant.changeCalendar;
import static com.busanev.production.Plant.orderPlaced;
import static com.busanev.production.Plant.packFor;
import static com.busanev.production.Plant.placed;
import static com.busanev.production.Plant.publish;
import static com.busanev.production.Plant.received;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.busanev.events.BlockReason;
import com.busanev.events.BuildBlocked;
import com.busanev.events.BuildCancelled;
import com.busanev.events.BuildRescheduled;
import com.busanev.events.BuildScheduled;
import com.busanev.events.IsoWeek;
import com.busanev.events.OrderCancelRequested;
import com.busanev.events.PackSource;
import com.busanev.events.PacksAllocated;
import com.busanev.events.Region;
import com.busanev.events.Roles;
import com.busanev.events.Topics;
import com.busanev.events.VehicleBuilt;
import com.busanev.production.build.Vin;
import com.busanev.production.kpi.Co2Trajectory;
import com.busanev.testing.CloudEventRecords;
import com.busanev.testing.KafkaResource;
import com.busanev.testing.Tokens;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The plant's planning driven by real events on the real broker; each test plans in its own region or weeks. */
@QuarkusTest
class ProductionFlowTest {
    @Inject
    Co2Trajectory co2;

    @Inject
    AgroalDataSource database;

    @Test
    void anOrderWithoutPacksIsBlockedAndSlottedWhenPacksArrive() throws Exception {
        UUID order = placed("US", Region.NA, null);
        BuildBlocked blocked = awaitEvent(order, BuildBlocked.class);
        assertThat(blocked.reason()).isEqualTo(BlockReason.NO_PACKS);
        assertThat(blocked.week()).isNotNull();

        publish(new PacksAllocated(blocked.week(), Region.NA, 50, List.of(new PackSource(UUID.randomUUID(), "LGES", 50)), Instant.now()));
        BuildScheduled scheduled = awaitEvent(order, BuildScheduled.class);
        assertThat(IsoWeek.of(scheduled.plannedDate()).toString()).isEqualTo(blocked.week());
        assertThat(scheduled.plannedDate()).isAfter(LocalDate.now(Clock.system(PLANT)));
        as(VIEWER).get("/api/v1/builds/" + order).then().statusCode(200).body("status", equalTo("SCHEDULED"));
        as(VIEWER).queryParam("status", "SCHEDULED").queryParam("region", "NA").get("/api/v1/builds").then().statusCode(200)
                .body("totalItems", greaterThanOrEqualTo(1))
                .body("items.status", everyItem(equalTo("SCHEDULED"))).body("items.region", everyItem(equalTo("NA")));
        for (String otherRegionOrStatus : List.of("status=SCHEDULED&region=EU", "status=BLOCKED&region=NA")) {
            as(VIEWER).get("/api/v1/builds?size=500&" + otherRegionOrStatus).then().statusCode(200)
                    .body("items.orderId", not(hasItem(order.toString())));
        }

        // The plant floor builds it: start, then complete with a VIN and the pack scanned, one LGES received.
        String pack = packFor(order);
        received("LGES", List.of("CA", "US"), List.of(pack));
        as(FLOOR).post("/api/v1/builds/" + order + "/complete").then().statusCode(400);
        as(FLOOR).body(report()).post("/api/v1/builds/" + order + "/complete").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("batteryPackSerial"));
        as(FLOOR).body(Plant.report(pack)).post("/api/v1/builds/" + order + "/complete").then().statusCode(409);
        as(FLOOR).post("/api/v1/builds/" + order + "/start").then().statusCode(200).body("status", equalTo("IN_PRODUCTION"));
        as(FLOOR).post("/api/v1/builds/" + order + "/start").then().statusCode(200);
        // the receipt reaches the floor's stock through supplier-events: until then the scan is refused (409), changing nothing
        String vin = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> as(FLOOR).body(Plant.report(pack))
                        .post("/api/v1/builds/" + order + "/complete"), response -> response.statusCode() == 200)
                .then().body("status", equalTo("BUILT")).body("batterySupplier", equalTo("LGES"))
                .body("batteryPackSerial", equalTo(pack)).extract().path("vin");
        assertThat(Vin.isValid(vin)).isTrue();
        VehicleBuilt built = awaitEvent(order, VehicleBuilt.class);
        assertThat(built.vin()).isEqualTo(vin);
        assertThat(built.brand()).isEqualTo("polestar");
        assertThat(built.batteryPackSerial()).isEqualTo(pack);
        assertThat(built.batterySupplier()).isEqualTo("LGES");
        assertThat(built.defects()).isEqualTo(2);

        // Built today although planned for a later day: the KPIs count the car on the day it was completed.
        LocalDate day = scheduled.plannedDate();
        LocalDate today = LocalDate.now(PLANT);
        as(VIEWER).queryParam("from", today.toString()).queryParam("to", today.toString()).get("/api/v1/kpis")
                .then().statusCode(200)
                .body("vehiclesBuilt", equalTo(1))
                .body("defectsPer100Vehicles", equalTo(200.0f))
                .body("co2PerVehicleKg", equalTo(1400.0f));
        as(VIEWER).queryParam("from", day.toString()).queryParam("to", day.toString()).get("/api/v1/kpis")
                .then().statusCode(200)
                .body("vehiclesBuilt", equalTo(0))
                .body("slotsPlanned", greaterThanOrEqualTo(1));
        as(PLANNER).queryParam("from", day.toString()).queryParam("to", day.toString()).get("/api/v1/schedule")
                .then().statusCode(200)
                .body("[0].modelMix.LONG_RANGE_DUAL_MOTOR", greaterThanOrEqualTo(1))
                .body("[0].polestarCapacity", equalTo(486));

        // The same day by day, for the charts, with the CO2 target of the day; and the week's packs used of budget.
        as(VIEWER).queryParam("from", today.toString()).queryParam("to", today.plusDays(1).toString()).get("/api/v1/kpis/daily")
                .then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].date", equalTo(today.toString()))
                .body("[0].vehiclesBuilt", equalTo(1))
                .body("[0].defectsPer100Vehicles", equalTo(200.0f))
                .body("[0].co2PerVehicleKg", equalTo(1400.0f))
                .body("[0].co2TargetKg", equalTo((float) co2.targetOn(today)))
                .body("[1].vehiclesBuilt", equalTo(0))
                .body("[1].co2PerVehicleKg", nullValue());
        as(PLANNER).queryParam("from", day.toString()).queryParam("to", day.toString()).get("/api/v1/pack-budgets")
                .then().statusCode(200)
                .body("find { it.week == '%s' && it.region == 'NA' }.budget".formatted(blocked.week()), greaterThanOrEqualTo(1))
                .body("find { it.week == '%s' && it.region == 'NA' }.used".formatted(blocked.week()), greaterThanOrEqualTo(1));
        as(FLOOR).queryParam("from", day.toString()).queryParam("to", day.toString()).get("/api/v1/kpis/daily")
                .then().statusCode(403);
        as(VIEWER).queryParam("from", day.toString()).get("/api/v1/pack-budgets").then().statusCode(400)
                .body("violations[0].field", equalTo("to"));
    }

    @Test
    void aCancellationFreesTheSlotAndPackForABlockedOrder() {
        IsoWeek week = IsoWeek.of(LocalDate.now(PLANT)).plusWeeks(6);
        publish(new PacksAllocated(week.toString(), Region.EU, 1, List.of(new PackSource(UUID.randomUUID(), "SDI", 1)), Instant.now()));
        UUID first = placed("DE", Region.EU, week.toString());
        assertThat(awaitEvent(first, BuildScheduled.class).week()).isEqualTo(week.toString());
        UUID second = placed("FR", Region.EU, week.toString());
        assertThat(awaitEvent(second, BuildBlocked.class).reason()).isEqualTo(BlockReason.NO_PACKS);

        publish(new OrderCancelRequested(first, "polestar", "customer changed mind", Instant.now()));
        BuildCancelled cancelled = awaitEvent(first, BuildCancelled.class);
        assertThat(cancelled.region()).isEqualTo(Region.EU);
        assertThat(cancelled.week()).isEqualTo(week.toString());
        assertThat(awaitEvent(second, BuildScheduled.class).week()).isEqualTo(week.toString());
        as(VIEWER).get("/api/v1/builds/" + first).then().body("status", equalTo("CANCELLED"));
    }

    @Test
    void aCalendarCutReschedulesOnlyTheBuildsThatNoLongerFit() throws Exception {
        IsoWeek week = IsoWeek.of(LocalDate.now(PLANT)).plusWeeks(10);
        publish(new PacksAllocated(week.toString(), Region.KR, 100, List.of(), Instant.now()));
        publish(new PacksAllocated(week.plusWeeks(1).toString(), Region.KR, 100, List.of(), Instant.now()));
        UUID order = placed("KR", Region.KR, week.toString());
        LocalDate planned = awaitEvent(order, BuildScheduled.class).plannedDate();

        String version = as(PLANNER).get("/api/v1/calendar").then().statusCode(200).extract().header("ETag");
        String calendar = as(PLANNER).get("/api/v1/calendar").then().extract().asString();
        String withDowntime = calendar.replace("\"downtime\":[]", "\"downtime\":[{\"from\":\"" + planned
                + "\",\"to\":\"" + planned + "\",\"reason\":\"press line maintenance\"}]");
        assertThat(withDowntime).isNotEqualTo(calendar);

        as(PLANNER).body(withDowntime).put("/api/v1/calendar").then().statusCode(428);
        as(PLANNER).header("If-Match", "99").body(withDowntime).put("/api/v1/calendar").then().statusCode(409);
        as(PLANNER).header("If-Match", version).body(withDowntime.replace("\"jobsPerHour\":76.0", "\"jobsPerHour\":-1"))
                .put("/api/v1/calendar").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("shifts[0].jobsPerHour", "shifts[1].jobsPerHour"));
        as(PLANNER).header("If-Match", version).body(withDowntime).put("/api/v1/calendar")
                .then().statusCode(200).header("Calendar-Version", notNullValue());

        BuildRescheduled moved = awaitEvent(order, BuildRescheduled.class);
        assertThat(moved.previousDate()).isEqualTo(planned);
        assertThat(moved.plannedDate()).isAfter(planned);
        as(VIEWER).get("/api/v1/calendar/history").then().statusCode(200).body("[0].changedBy", equalTo("planner"));
    }

    @Test
    void anOrderForAWeekBeyondTheHorizonIsBlockedForCapacityNotPacks() {
        IsoWeek beyond = IsoWeek.of(LocalDate.now(PLANT)).plusWeeks(40);
        publish(new PacksAllocated(beyond.toString(), Region.NA, 10, List.of(), Instant.now()));
        UUID order = placed("CA", Region.NA, beyond.toString());
        BuildBlocked blocked = awaitEvent(order, BuildBlocked.class);
        assertThat(blocked.reason()).isEqualTo(BlockReason.NO_CAPACITY);
        assertThat(blocked.week()).isEqualTo(beyond.toString());
        as(VIEWER).get("/api/v1/builds/" + order).then().statusCode(200)
                .body("status", equalTo("BLOCKED")).body("blockedReason", equalTo("NO_CAPACITY"));
        LocalDate today = LocalDate.now(PLANT);
        as(PLANNER).queryParam("from", today.toString()).queryParam("to", today.plusDays(7).toString()).get("/api/v1/kpis")
                .then().statusCode(200).body("blockedByReason.NO_CAPACITY", greaterThanOrEqualTo(1));
    }

    @Test
    void unreadableEventsAreDeadLettered() {
        UUID id = UUID.randomUUID();
        KafkaResource.companion().produceStrings()
                .fromRecords(new ProducerRecord<>(Topics.ORDER_EVENTS, id.toString(), "{not json")).awaitCompletion();
        var dead = CloudEventRecords.awaitFirst("production-service.dlq", id.toString(), null, Duration.ofSeconds(30));
        assertThat(CloudEventRecords.header(dead, "dead-letter-reason")).isPresent();
    }

    @Test
    void rolesDecideWhoPlansAndWhoBuilds() {
        given().get("/api/v1/calendar").then().statusCode(401);
        as(Tokens.user("x").roles(Roles.PLANT_PLANNER).forged()).get("/api/v1/calendar").then().statusCode(401);
        as(VIEWER).get("/api/v1/calendar").then().statusCode(200);
        as(VIEWER).header("If-Match", "0").body("{}").put("/api/v1/calendar").then().statusCode(403);
        as(FLOOR).header("If-Match", "0").body("{}").put("/api/v1/calendar").then().statusCode(403);
        as(PLANNER).post("/api/v1/builds/" + UUID.randomUUID() + "/start").then().statusCode(403);
        as(FLOOR).post("/api/v1/builds/" + UUID.randomUUID() + "/start").then().statusCode(404);
        as(VIEWER).body(report()).post("/api/v1/builds/" + UUID.randomUUID() + "/complete").then().statusCode(403);
        as(FLOOR).queryParam("from", "2027-03-01").queryParam("to", "2027-03-05").get("/api/v1/kpis").then().statusCode(403);
        as(FLOOR).queryParam("from", "2027-03-01").queryParam("to", "2027-03-05").get("/api/v1/schedule").then().statusCode(200);
        as(Tokens.user("buyer").roles(Roles.BRAND_ORDERS).brand("polestar").sign()).get("/api/v1/schedule").then().statusCode(403);
        as(VIEWER).queryParam("from", "2027-03-10").queryParam("to", "2027-03-01").get("/api/v1/kpis").then().statusCode(400);
        as(VIEWER).post("/api/v1/builds/" + UUID.randomUUID() + "/start").then().statusCode(403);
        for (String reader : List.of(PLANNER, FLOOR, VIEWER)) {
            as(reader).get("/api/v1/builds").then().statusCode(200);
        }
        as(Tokens.user("buyer").roles(Roles.BRAND_ORDERS).brand("polestar").sign()).get("/api/v1/builds").then().statusCode(403);
        given().get("/api/v1/builds").then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
        as(PLANNER).get("/api/v1/calendar/history").then().statusCode(200);
        as(VIEWER).get("/api/v1/calendar/history").then().statusCode(200);
        as(FLOOR).get("/api/v1/calendar/history").then().statusCode(403);
    }

    @Test
    void theSameEventIdTwiceIsAppliedOnce() {
        // Far beyond the horizon: blocked for capacity, so these orders never take another test's packs.
        String beyond = IsoWeek.of(LocalDate.now(PLANT)).plusWeeks(60).toString();
        String eventId = UUID.randomUUID().toString();
        UUID first = UUID.randomUUID();
        publish(orderPlaced(first, "DE", Region.EU, beyond, 0), eventId);
        awaitEvent(first, null);
        // A second order under the same event id is a redelivery and is dropped; the next event of that order
        // (same key, so after it on the partition) is applied: the build carries its market, not the dropped one's.
        UUID second = UUID.randomUUID();
        publish(orderPlaced(second, "SE", Region.EU, beyond, 0), eventId);
        publish(orderPlaced(second, "FR", Region.EU, beyond, 0), UUID.randomUUID().toString());
        awaitEvent(second, null);
        as(VIEWER).get("/api/v1/builds/" + second).then().statusCode(200).body("market", equalTo("FR"));
    }

    @Test
    void aCloudEventWithAnUnreadablePayloadIsDeadLettered() {
        UUID order = UUID.randomUUID();
        var valid = CloudEventRecords.of(orderPlaced(order, "DE", Region.EU, null, 0));
        KafkaResource.companion().produceStrings().fromRecords(new ProducerRecord<>(valid.topic(), null, valid.key(),
                "{\"orderId\":\"not-a-uuid\",\"market\":\"DE\"}", valid.headers())).awaitCompletion();
        var dead = CloudEventRecords.awaitFirst("production-service.dlq", order.toString(), null, Duration.ofSeconds(30));
        assertThat(CloudEventRecords.header(dead, "dead-letter-reason")).hasValueSatisfying(
                reason -> assertThat(reason).contains("unreadable payload"));
        as(VIEWER).get("/api/v1/builds/" + order).then().statusCode(404);
    }

    @Test
    void aCalendarChangeOnAStalePlanStillMovesTheBuildsOfDaysItRemoves() throws Exception {
        IsoWeek week = IsoWeek.of(LocalDate.now(PLANT)).plusWeeks(12);
        publish(new PacksAllocated(week.toString(), Region.NA, 10, List.of(), Instant.now()));
        UUID order = placed("US", Region.NA, week.toString());
        LocalDate planned = awaitEvent(order, BuildScheduled.class).plannedDate();

        // As if another replica had planned meanwhile: this replica must rebuild its plan inside the change.
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE plan_state SET token = 'changed-elsewhere' WHERE id = 1");
        }
        changeCalendar(c -> c.withArray("holidays").addObject().put("date", planned.toString()).put("name", "Extra holiday"));

        BuildRescheduled moved = awaitEvent(order, BuildRescheduled.class);
        assertThat(moved.previousDate()).isEqualTo(planned);
        assertThat(moved.plannedDate()).isAfter(planned);
    }

    @Test
    void aSmallerPackAllocationMovesTheLowestPriorityBuildsOfThatWeek() {
        IsoWeek week = IsoWeek.of(LocalDate.now(PLANT)).plusWeeks(18);
        // Allocations and orders come on different topics: each allocation is known once an order slots into it.
        publish(new PacksAllocated(week.toString(), Region.EU, 2, List.of(), Instant.now()));
        UUID urgent = placed("DE", Region.EU, week.toString(), 5);
        LocalDate urgentDay = awaitEvent(urgent, BuildScheduled.class).plannedDate();
        UUID normal = placed("FR", Region.EU, week.toString(), 0);
        LocalDate normalDay = awaitEvent(normal, BuildScheduled.class).plannedDate();
        assertThat(IsoWeek.of(normalDay)).isEqualTo(week);
        publish(new PacksAllocated(week.plusWeeks(1).toString(), Region.EU, 5, List.of(), Instant.now()));
        UUID probe = placed("FR", Region.EU, week.plusWeeks(1).toString(), 0);
        assertThat(awaitEvent(probe, BuildScheduled.class).week()).isEqualTo(week.plusWeeks(1).toString());

        publish(new PacksAllocated(week.toString(), Region.EU, 1, List.of(), Instant.now().plusSeconds(1)));
        BuildRescheduled moved = awaitEvent(normal, BuildRescheduled.class);
        assertThat(moved.previousDate()).isEqualTo(normalDay);
        assertThat(moved.week()).isEqualTo(week.plusWeeks(1).toString());
        assertThat(moved.reason()).contains("fewer battery packs");
        as(VIEWER).get("/api/v1/builds/" + urgent).then().body("plannedDate", equalTo(urgentDay.toString()));
    }

    @Test
    void theRenaultReservationAndTheEvCapLimitEachDayAndCutsMoveTheLowestPriorityLatestOrders() throws Exception {
        IsoWeek week = IsoWeek.of(LocalDate.now(PLANT)).plusWeeks(14);
        publish(new PacksAllocated(week.toString(), Region.KR, 20, List.of(), Instant.now()));
        UUID urgent = placed("KR", Region.KR, week.toString(), 5);
        LocalDate day = awaitEvent(urgent, BuildScheduled.class).plannedDate();
        UUID early = placed("KR", Region.KR, week.toString(), 0);
        assertThat(awaitEvent(early, BuildScheduled.class).plannedDate()).isEqualTo(day);
        UUID late = placed("KR", Region.KR, week.toString(), 0);
        assertThat(awaitEvent(late, BuildScheduled.class).plannedDate()).isEqualTo(day);

        ObjectNode original = changeCalendar(c -> c.put("renaultReservedPerDay", 1214));
        try {
            // Renault keeps all but 2 of the 1,216 line jobs: the day keeps two builds, the latest normal order moves.
            assertThat(awaitEvent(late, BuildRescheduled.class).previousDate()).isEqualTo(day);
            as(PLANNER).queryParam("from", day.toString()).queryParam("to", day.toString()).get("/api/v1/schedule")
                    .then().statusCode(200).body("[0].renaultReserved", equalTo(1214))
                    .body("[0].polestarCapacity", equalTo(2)).body("[0].scheduled", equalTo(2));

            // The battery marriage station takes 1 EV a day (0.1% of 1,216): the normal order moves, not the urgent.
            changeCalendar(c -> c.put("renaultReservedPerDay", 0).put("evShareCap", 0.001));
            assertThat(awaitEvent(early, BuildRescheduled.class).previousDate()).isEqualTo(day);
            as(PLANNER).queryParam("from", day.toString()).queryParam("to", day.toString()).get("/api/v1/schedule")
                    .then().statusCode(200).body("[0].evCapacity", equalTo(1))
                    .body("[0].polestarCapacity", equalTo(1)).body("[0].scheduled", equalTo(1));
            as(VIEWER).get("/api/v1/builds/" + urgent).then().body("plannedDate", equalTo(day.toString()));
        } finally {
            changeCalendar(c -> c.setAll(original));
        }
    }

    private static String report() {
        return "{\"defects\":2,\"co2Kg\":1400.0}";
    }
}
