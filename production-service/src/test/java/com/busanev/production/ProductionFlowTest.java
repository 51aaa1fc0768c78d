package com.busanev.production;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import com.busanev.events.BlockReason;
import com.busanev.events.BuildBlocked;
import com.busanev.events.BuildRescheduled;
import com.busanev.events.BuildScheduled;
import com.busanev.events.DomainEvent;
import com.busanev.events.EventJson;
import com.busanev.events.IsoWeek;
import com.busanev.events.OrderCancelled;
import com.busanev.events.OrderPlaced;
import com.busanev.events.PackSource;
import com.busanev.events.PacksAllocated;
import com.busanev.events.Region;
import com.busanev.events.Topics;
import com.busanev.events.VehicleBuilt;
import com.busanev.kit.security.Roles;
import com.busanev.production.build.Vin;
import com.busanev.testing.CloudEventRecords;
import com.busanev.testing.KafkaResource;
import com.busanev.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The plant's planning driven by real events on the real broker; each test plans in its own region or weeks. */
@QuarkusTest
class ProductionFlowTest {
    private static final String PLANNER = Tokens.user("planner").roles(Roles.PLANT_PLANNER).sign();
    private static final String FLOOR = Tokens.user("floor").roles(Roles.PLANT_FLOOR).sign();
    private static final String VIEWER = Tokens.user("viewer").roles(Roles.VIEWER).sign();
    private static final ZoneId PLANT = ZoneId.of("Asia/Seoul");

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

        // The plant floor builds it: start, then complete with a VIN and a pack from the allocated supplier.
        as(FLOOR).post("/api/v1/builds/" + order + "/complete").then().statusCode(400);
        as(FLOOR).body(report()).post("/api/v1/builds/" + order + "/complete").then().statusCode(409);
        as(FLOOR).post("/api/v1/builds/" + order + "/start").then().statusCode(200).body("status", equalTo("IN_PRODUCTION"));
        as(FLOOR).post("/api/v1/builds/" + order + "/start").then().statusCode(200);
        String vin = as(FLOOR).body(report()).post("/api/v1/builds/" + order + "/complete")
                .then().statusCode(200).body("status", equalTo("BUILT")).body("batterySupplier", equalTo("LGES"))
                .extract().path("vin");
        assertThat(Vin.isValid(vin)).isTrue();
        VehicleBuilt built = awaitEvent(order, VehicleBuilt.class);
        assertThat(built.vin()).isEqualTo(vin);
        assertThat(built.brand()).isEqualTo("polestar");
        assertThat(built.batteryPackSerial()).startsWith("LGES-");
        assertThat(built.defects()).isEqualTo(2);

        LocalDate day = scheduled.plannedDate();
        as(VIEWER).queryParam("from", day.toString()).queryParam("to", day.toString()).get("/api/v1/kpis")
                .then().statusCode(200)
                .body("vehiclesBuilt", equalTo(1))
                .body("defectsPer100Vehicles", equalTo(200.0f))
                .body("co2PerVehicleKg", equalTo(1400.0f))
                .body("slotsPlanned", greaterThanOrEqualTo(1));
        as(PLANNER).queryParam("from", day.toString()).queryParam("to", day.toString()).get("/api/v1/schedule")
                .then().statusCode(200)
                .body("[0].modelMix.LONG_RANGE_DUAL_MOTOR", greaterThanOrEqualTo(1))
                .body("[0].polestarCapacity", equalTo(486));
    }

    @Test
    void aCancellationFreesTheSlotAndPackForABlockedOrder() {
        IsoWeek week = IsoWeek.of(LocalDate.now(PLANT)).plusWeeks(6);
        publish(new PacksAllocated(week.toString(), Region.EU, 1, List.of(new PackSource(UUID.randomUUID(), "SDI", 1)), Instant.now()));
        UUID first = placed("DE", Region.EU, week.toString());
        assertThat(awaitEvent(first, BuildScheduled.class).week()).isEqualTo(week.toString());
        UUID second = placed("FR", Region.EU, week.toString());
        assertThat(awaitEvent(second, BuildBlocked.class).reason()).isEqualTo(BlockReason.NO_PACKS);

        publish(new OrderCancelled(first, "polestar", "customer changed mind", Instant.now()));
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
    }

    private static String report() {
        return "{\"defects\":2,\"co2Kg\":1400.0}";
    }

    private static UUID placed(String market, Region region, String week) {
        UUID id = UUID.randomUUID();
        publish(new OrderPlaced(id, "polestar", "REF-" + id, "POLESTAR_4", "LONG_RANGE_DUAL_MOTOR", List.of("PLUS"),
                market, region, week, 0, Instant.now()));
        return id;
    }

    private static void publish(DomainEvent event) {
        KafkaResource.companion().produceStrings().fromRecords(CloudEventRecords.of(event)).awaitCompletion();
    }

    private static <T extends DomainEvent> T awaitEvent(UUID order, Class<T> type) {
        String ceType = com.busanev.events.EventType.of(type).ceType();
        var record = CloudEventRecords.awaitFirst(Topics.PRODUCTION_EVENTS, order.toString(), ceType, Duration.ofSeconds(30));
        try {
            return EventJson.mapper().readValue(record.value(), type);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
