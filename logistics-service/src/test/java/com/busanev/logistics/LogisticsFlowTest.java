package com.busanev.logistics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.busanev.events.DomainEvent;
import com.busanev.events.EventJson;
import com.busanev.events.EventType;
import com.busanev.events.Markets;
import com.busanev.events.OrderCancelled;
import com.busanev.events.ShipmentArrived;
import com.busanev.events.ShipmentBooked;
import com.busanev.events.ShipmentDelayed;
import com.busanev.events.ShipmentDeparted;
import com.busanev.events.Topics;
import com.busanev.events.TransportMode;
import com.busanev.events.VehicleBuilt;
import com.busanev.kit.security.Roles;
import com.busanev.testing.CloudEventRecords;
import com.busanev.testing.KafkaResource;
import com.busanev.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Booking and sailing driven by real events on the real broker; each test ships to its own market. */
@QuarkusTest
class LogisticsFlowTest {
    private static final String OPERATOR = Tokens.user("ops").roles(Roles.LOGISTICS_OPERATOR).sign();
    private static final String VIEWER = Tokens.user("viewer").roles(Roles.VIEWER).sign();
    private static final AtomicInteger SERIAL = new AtomicInteger(100_000);

    @Test
    void carsTakeTheFirstVoyageWithRoomAndWaitWhenNoneHasAny() {
        Instant departure = Instant.now().plus(10, ChronoUnit.DAYS);
        String first = voyage("CA-ONE", "RO_RO", "CAVAN", departure, "\"capacityCars\":2");
        UUID a = built("CA");
        UUID b = built("CA");
        UUID c = built("CA");
        assertThat(awaitEvent(a, ShipmentBooked.class).voyageId()).hasToString(first);
        assertThat(awaitEvent(b, ShipmentBooked.class).voyageId()).hasToString(first);
        awaitShipment(c, "UNBOOKED");

        String second = voyage("CA-TWO", "RO_RO", "CAVAN", departure.plus(7, ChronoUnit.DAYS), "\"capacityCars\":100");
        ShipmentBooked late = awaitEvent(c, ShipmentBooked.class);
        assertThat(late.voyageId()).hasToString(second);
        assertThat(late.eta()).isEqualTo(departure.plus(7 + 14, ChronoUnit.DAYS));

        // A cancelled order still at the terminal gives its place back.
        publish(new OrderCancelled(a, "polestar", "customer changed mind", Instant.now()));
        awaitShipment(a, "CANCELLED");
        as(OPERATOR).get("/api/v1/voyages/" + first).then().body("bookedCars", equalTo(1)).body("loadFactor", equalTo(0.5f));
    }

    @Test
    void aCarThatCannotMakeTheCutOffTakesTheNextVoyageAndDelaysMoveEveryEta() {
        Instant soon = Instant.now().plus(20, ChronoUnit.HOURS);
        voyage("US-MISSED", "RO_RO", "USLGB", soon, "\"capacityCars\":100,\"cutOffHours\":24");
        Instant next = Instant.now().plus(5, ChronoUnit.DAYS);
        String taken = voyage("US-NEXT", "RO_RO", "USBAL", next, "\"capacityCars\":100");
        UUID car = built("US");
        ShipmentBooked booked = awaitEvent(car, ShipmentBooked.class);
        assertThat(booked.voyageId()).hasToString(taken);
        assertThat(booked.destinationPort()).isEqualTo("USBAL");

        Instant lateDeparture = next.plus(2, ChronoUnit.DAYS);
        as(OPERATOR).body("{\"at\":\"" + lateDeparture + "\"}").post("/api/v1/voyages/" + taken + "/depart")
                .then().statusCode(200).body("status", equalTo("DEPARTED"));
        ShipmentDelayed delayed = awaitEvent(car, ShipmentDelayed.class);
        assertThat(delayed.previousEta()).isEqualTo(booked.eta());
        assertThat(delayed.eta()).isEqualTo(lateDeparture.plus(14, ChronoUnit.DAYS));
        assertThat(awaitEvent(car, ShipmentDeparted.class).eta()).isEqualTo(delayed.eta());

        as(OPERATOR).body("{\"at\":\"" + next + "\"}").post("/api/v1/voyages/" + taken + "/arrive")
                .then().statusCode(400).contentType("application/problem+json");
        Instant lateArrival = delayed.eta().plus(1, ChronoUnit.DAYS);
        as(OPERATOR).body("{\"at\":\"" + lateArrival + "\"}").post("/api/v1/voyages/" + taken + "/arrive")
                .then().statusCode(200).body("status", equalTo("ARRIVED"));
        assertThat(awaitEvent(car, ShipmentArrived.class).port()).isEqualTo("USBAL");
        // The late arrival was announced as a second delay, published before the arrival on the same key.
        var delays = CloudEventRecords.all(Topics.LOGISTICS_EVENTS, car.toString(), Duration.ofSeconds(5)).stream()
                .filter(r -> CloudEventRecords.header(r, "ce_type").filter(EventType.of(ShipmentDelayed.class).ceType()::equals).isPresent())
                .toList();
        assertThat(delays).hasSize(2);
        assertThat(read(delays.get(1).value(), ShipmentDelayed.class).eta()).isEqualTo(lateArrival);
        as(OPERATOR).post("/api/v1/voyages/" + taken + "/depart").then().statusCode(409);
    }

    @Test
    void containersFillThreeCarsAtATime() {
        String voyage = voyage("LEH-BOX", "CONTAINER", "FRLEH", Instant.now().plus(3, ChronoUnit.DAYS), "\"containers\":2");
        for (int i = 0; i < 4; i++) {
            awaitEvent(built("FR"), ShipmentBooked.class);
        }
        as(OPERATOR).get("/api/v1/voyages/" + voyage + "/manifest").then().statusCode(200)
                .body("cars", hasSize(4))
                .body("containers", hasSize(2))
                .body("containers[0].id", equalTo("LEH-BOX-C001"))
                .body("containers[0].vins", hasSize(3))
                .body("containers[1].vins", hasSize(1))
                .body("voyage.capacityCars", equalTo(6));
    }

    @Test
    void aRetriedVoyageWithTheSameIdempotencyKeyIsAddedOnce() {
        String body = voyageBody("BRV-RETRY", "RO_RO", "DEBRV", Instant.now().plus(4, ChronoUnit.DAYS), "\"capacityCars\":50");
        String id = as(OPERATOR).header("Idempotency-Key", "brv-retry-1").body(body).post("/api/v1/voyages")
                .then().statusCode(201).header("Idempotency-Replayed", "false").extract().path("id");
        as(OPERATOR).header("Idempotency-Key", "brv-retry-1").body(body).post("/api/v1/voyages")
                .then().statusCode(201).header("Idempotency-Replayed", "true").body("id", equalTo(id));
        as(OPERATOR).header("Idempotency-Key", "brv-retry-1").body(body.replace("50", "60")).post("/api/v1/voyages")
                .then().statusCode(422).contentType("application/problem+json");
        as(OPERATOR).body(body).post("/api/v1/voyages").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void koreanCarsGoByTruck() {
        UUID car = built("KR");
        ShipmentBooked booked = awaitEvent(car, ShipmentBooked.class);
        assertThat(booked.mode()).isEqualTo(TransportMode.TRUCK);
        assertThat(booked.voyageId()).isNull();
    }

    @Test
    void badVoyagesAreProblems() {
        Instant later = Instant.now().plus(3, ChronoUnit.DAYS);
        as(OPERATOR).body(voyageBody("BAD-1", "RO_RO", "XXABC", later, "\"capacityCars\":10")).post("/api/v1/voyages")
                .then().statusCode(400).body("violations[0].field", equalTo("destinationPort"));
        as(OPERATOR).body(voyageBody("BAD-2", "RO_RO", "DEBRV", later, "\"containers\":10")).post("/api/v1/voyages")
                .then().statusCode(400).body("violations.field", hasItem("capacityCars"));
        as(OPERATOR).body(voyageBody("BAD-3", "RO_RO", "DEBRV", Instant.now().minus(1, ChronoUnit.DAYS), "\"capacityCars\":10"))
                .post("/api/v1/voyages").then().statusCode(400).body("violations[0].field", equalTo("departure"));
        as(OPERATOR).body("{\"code\":\"x\"}").post("/api/v1/voyages").then().statusCode(400);
        as(OPERATOR).post("/api/v1/voyages/" + UUID.randomUUID() + "/depart").then().statusCode(404);
    }

    @Test
    void rolesAndBrandsDecideWhoSeesWhat() {
        UUID car = built("KR");
        awaitShipment(car, "BOOKED");
        given().get("/api/v1/shipments").then().statusCode(401);
        as(Tokens.user("x").roles(Roles.LOGISTICS_OPERATOR).forged()).get("/api/v1/voyages").then().statusCode(401);
        as(VIEWER).body(voyageBody("NOPE", "RO_RO", "DEBRV", Instant.now().plus(3, ChronoUnit.DAYS), "\"capacityCars\":1"))
                .post("/api/v1/voyages").then().statusCode(403);
        String polestar = Tokens.user("buyer").roles(Roles.BRAND_ORDERS).brand("polestar").sign();
        String other = Tokens.user("other").roles(Roles.BRAND_ORDERS).brand("other-brand").sign();
        as(polestar).queryParam("orderId", car.toString()).get("/api/v1/shipments").then().statusCode(200).body("items", hasSize(1));
        as(other).queryParam("orderId", car.toString()).get("/api/v1/shipments").then().statusCode(200).body("items", hasSize(0));
        as(other).get("/api/v1/shipments").then().body("items.brand", everyItem(equalTo("other-brand")));
        as(polestar).get("/api/v1/voyages").then().statusCode(403);
        as(Tokens.user("floor").roles(Roles.PLANT_FLOOR).sign()).get("/api/v1/shipments").then().statusCode(403);
        as(VIEWER).queryParam("status", "NOT-A-STATUS").get("/api/v1/shipments").then().statusCode(400)
                .contentType("application/problem+json");
        as(VIEWER).queryParam("voyage", "not-a-uuid").get("/api/v1/shipments").then().statusCode(400);
        as(VIEWER).get("/api/v1/ports").then().statusCode(200).body("locode", hasItem("KRPUS"));
    }

    @Test
    void unreadableEventsAreDeadLettered() {
        String key = UUID.randomUUID().toString();
        KafkaResource.companion().produceStrings()
                .fromRecords(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.PRODUCTION_EVENTS, key, "][")).awaitCompletion();
        var dead = CloudEventRecords.awaitFirst("logistics-service.dlq", key, null, Duration.ofSeconds(30));
        assertThat(CloudEventRecords.header(dead, "dead-letter-reason")).isPresent();
    }

    private static String voyage(String code, String mode, String port, Instant departure, String capacity) {
        return as(OPERATOR).body(voyageBody(code, mode, port, departure, capacity)).post("/api/v1/voyages")
                .then().statusCode(201).extract().path("id");
    }

    private static String voyageBody(String code, String mode, String port, Instant departure, String capacity) {
        return """
                {"code":"%s","vessel":"Test Carrier","mode":"%s","destinationPort":"%s","departure":"%s",
                 "transitDays":14,%s}""".formatted(code, mode, port, departure, capacity);
    }

    private static UUID built(String market) {
        UUID id = UUID.randomUUID();
        publish(new VehicleBuilt(id, "polestar", "KNMP4DEV0VB" + SERIAL.incrementAndGet(), market,
                Markets.regionOf(market).orElseThrow(), "LGES-202709-000001", "LGES", 0, 1400, Instant.now()));
        return id;
    }

    private static void publish(DomainEvent event) {
        KafkaResource.companion().produceStrings().fromRecords(CloudEventRecords.of(event)).awaitCompletion();
    }

    private static void awaitShipment(UUID order, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(VIEWER)
                .queryParam("orderId", order.toString()).get("/api/v1/shipments")
                .then().body("items[0].status", equalTo(status)));
    }

    private static <T extends DomainEvent> T awaitEvent(UUID order, Class<T> type) {
        var record = CloudEventRecords.awaitFirst(Topics.LOGISTICS_EVENTS, order.toString(), EventType.of(type).ceType(),
                Duration.ofSeconds(30));
        return read(record.value(), type);
    }

    private static <T extends DomainEvent> T read(String json, Class<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
