package com.busanev.order;

import static com.busanev.order.Fixtures.OTHER_BRAND;
import static com.busanev.order.Fixtures.POLESTAR;
import static com.busanev.order.Fixtures.as;
import static com.busanev.order.Fixtures.awaitStatus;
import static com.busanev.order.Fixtures.orderEvent;
import static com.busanev.order.Fixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.busanev.events.BlockReason;
import com.busanev.events.BuildBlocked;
import com.busanev.events.BuildCancelled;
import com.busanev.events.BuildRescheduled;
import com.busanev.events.BuildScheduled;
import com.busanev.events.BuildStarted;
import com.busanev.events.CancelRefused;
import com.busanev.events.DomainEvent;
import com.busanev.events.OrderCancelRefused;
import com.busanev.events.OrderCancelled;
import com.busanev.events.Region;
import com.busanev.events.ShipmentArrived;
import com.busanev.events.ShipmentBooked;
import com.busanev.events.ShipmentDelayed;
import com.busanev.events.ShipmentDeparted;
import com.busanev.events.ShipmentHeld;
import com.busanev.events.TransportMode;
import com.busanev.events.VehicleBuilt;
import com.busanev.testing.CloudEventRecords;
import com.busanev.testing.KafkaResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The order's state machine, fed by real CloudEvents records on the real broker. */
@QuarkusTest
@Order(2)
class OrderTrackingTest {
    private static final Instant T0 = Instant.parse("2027-03-01T00:00:00Z");
    private static final UUID VOYAGE = UUID.randomUUID();
    private static final String DEAD_LETTERS = "order-service.dlq";

    @Test
    void followsTheWholeChainToArrival() {
        UUID id = UUID.fromString(Fixtures.place("US"));
        publish(new BuildBlocked(id, "US", Region.NA, BlockReason.NO_PACKS, "2027-W09", "no packs for NA in 2027-W09", T0));
        awaitStatus(id, "BLOCKED");
        as(POLESTAR).get("/api/v1/orders/" + id).then().body("blockedReason", containsString("NO_PACKS"));

        publish(new BuildScheduled(id, "US", Region.NA, "LONG_RANGE_DUAL_MOTOR", LocalDate.of(2027, 3, 2), "2027-W09", T0.plusSeconds(60)));
        awaitStatus(id, "SCHEDULED");
        publish(new BuildStarted(id, LocalDate.of(2027, 3, 2), T0.plusSeconds(86_400)));
        awaitStatus(id, "IN_PRODUCTION");
        publish(built(id, T0.plusSeconds(90_000)));
        publish(booked(id, T0.plusSeconds(100_000)));
        publish(new ShipmentDelayed(id, VOYAGE, eta(), eta().plusSeconds(86_400), "port congestion", T0.plusSeconds(110_000)));
        publish(new ShipmentDeparted(id, VOYAGE, T0.plusSeconds(200_000), eta().plusSeconds(86_400)));
        awaitStatus(id, "SHIPPED");
        as(POLESTAR).get("/api/v1/orders/" + id).then()
                .body("vin", equalTo("KNMP4EV27TB000123"))
                .body("shipment.vessel", equalTo("Morning Calypso"))
                .body("shipment.destinationPort", equalTo("USLGB"))
                .body("eta", equalTo(eta().plusSeconds(86_400).toString()));
        publish(new ShipmentArrived(id, VOYAGE, "USLGB", eta().plusSeconds(90_000)));
        awaitStatus(id, "ARRIVED");
        as(POLESTAR).get("/api/v1/orders/" + id).then()
                .body("timeline", hasSize(9))
                .body("timeline.event", hasItems("OrderPlaced", "BuildBlocked", "BuildScheduled", "BuildStarted",
                        "VehicleBuilt", "ShipmentBooked", "ShipmentDelayed", "ShipmentDeparted", "ShipmentArrived"));
    }

    @Test
    void aHeldCarShowsWhyUntilItIsBooked() {
        UUID id = UUID.fromString(Fixtures.place("DE"));
        String vin = "KNMP4EV27TB000777";
        publish(new VehicleBuilt(id, "polestar", vin, "DE", Region.EU, "LGES-2027W09-000007", "LGES", 0, 1450.0,
                T0.plusSeconds(90_000)));
        String reason = "battery passport incomplete: missing carbonFootprint";
        publish(new ShipmentHeld(id, vin, reason, T0.plusSeconds(95_000)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(POLESTAR).get("/api/v1/orders/" + id)
                .then().body("hold.reason", equalTo(reason)));
        as(POLESTAR).get("/api/v1/orders/" + id).then()
                .body("status", equalTo("BUILT"))
                .body("hold.since", equalTo(T0.plusSeconds(95_000).toString()))
                .body("timeline.find { it.event == 'ShipmentHeld' }.detail", equalTo("Not booked yet: " + reason));

        publish(new ShipmentBooked(id, vin, VOYAGE, "Morning Calypso", TransportMode.RO_RO, null, "KRPUS", "DEBRV",
                T0.plusSeconds(150_000), eta(), T0.plusSeconds(120_000)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(POLESTAR).get("/api/v1/orders/" + id)
                .then().body("shipment.destinationPort", equalTo("DEBRV")));
        as(POLESTAR).get("/api/v1/orders/" + id).then()
                .body("hold", nullValue())
                .body("timeline.event", hasItems("VehicleBuilt", "ShipmentHeld", "ShipmentBooked"));
    }

    @Test
    void anOrderIsFoundByItsVinOnceBuilt() {
        UUID id = UUID.fromString(Fixtures.place("US"));
        String vin = "KNMP4EV27TB" + String.format("%06d", Math.abs(id.getLeastSignificantBits() % 1_000_000));
        as(POLESTAR).get("/api/v1/orders?vin=" + vin).then().statusCode(200).body("totalItems", equalTo(0));
        publish(new VehicleBuilt(id, "polestar", vin, "US", Region.NA, "LGES-2027W09-000002", "LGES", 0, 1450.0,
                T0.plusSeconds(90_000)));
        awaitStatus(id, "BUILT");

        as(POLESTAR).get("/api/v1/orders?vin=" + vin).then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(id.toString()));
        as(OTHER_BRAND).get("/api/v1/orders?vin=" + vin).then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void lateAndDuplicateEventsNeverMoveAnOrderBackwards() {
        UUID id = UUID.fromString(Fixtures.place("CA"));
        String startedId = UUID.randomUUID().toString();
        // Logistics is faster than production here: the booking overtakes the build report.
        publish(booked(id, T0.plusSeconds(100_000)));
        awaitStatus(id, "BUILT");
        KafkaResource.companion().produceStrings().fromRecords(
                CloudEventRecords.of(new BuildStarted(id, LocalDate.of(2027, 3, 2), T0), startedId),
                CloudEventRecords.of(new BuildStarted(id, LocalDate.of(2027, 3, 2), T0), startedId),
                CloudEventRecords.of(new BuildScheduled(id, "CA", Region.NA, "LONG_RANGE_DUAL_MOTOR",
                        LocalDate.of(2027, 3, 2), "2027-W09", T0))).awaitCompletion();
        publish(built(id, T0.plusSeconds(90_000)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(POLESTAR).get("/api/v1/orders/" + id)
                .then().body("timeline", hasSize(5)));
        as(POLESTAR).get("/api/v1/orders/" + id).then()
                .body("status", equalTo("BUILT"))
                .body("vin", equalTo("KNMP4EV27TB000123"))
                .body("shipment.voyageId", equalTo(VOYAGE.toString()))
                .body("timeline.findAll { it.event == 'BuildStarted' }", hasSize(1));
        // The timeline's key absorbed the redelivery: it was not a failure that ended as a dead letter.
        assertThat(CloudEventRecords.all(DEAD_LETTERS, id.toString(), Duration.ofSeconds(5))).isEmpty();
    }

    /**
     * An event delivered again after later ones (a consumer restarted before committing its offsets) is not applied
     * again: the first of two delays read again would otherwise put its older ETA back.
     */
    @Test
    void anEventDeliveredAgainLaterIsNotAppliedAgain() {
        UUID id = UUID.fromString(Fixtures.place("US"));
        publish(booked(id, T0.plusSeconds(100_000)));
        String firstDelay = UUID.randomUUID().toString();
        Instant later = eta().plusSeconds(86_400);
        Instant latest = later.plusSeconds(86_400);
        KafkaResource.companion().produceStrings().fromRecords(
                CloudEventRecords.of(new ShipmentDelayed(id, VOYAGE, eta(), later, "storm", T0.plusSeconds(110_000)),
                        firstDelay),
                CloudEventRecords.of(new ShipmentDelayed(id, VOYAGE, later, latest, "berth", T0.plusSeconds(120_000))))
                .awaitCompletion();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(POLESTAR).get("/api/v1/orders/" + id)
                .then().body("eta", equalTo(latest.toString())));

        KafkaResource.companion().produceStrings().fromRecords(
                CloudEventRecords.of(new ShipmentDelayed(id, VOYAGE, eta(), later, "storm", T0.plusSeconds(110_000)),
                        firstDelay)).awaitCompletion();
        // after it on the order's partition: once this is on the timeline, the redelivery was read
        publish(new ShipmentHeld(id, "KNMP4EV27TB000123", "marker", T0.plusSeconds(130_000)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(POLESTAR).get("/api/v1/orders/" + id)
                .then().body("timeline.event", hasItem("ShipmentHeld")));
        as(POLESTAR).get("/api/v1/orders/" + id).then()
                .body("eta", equalTo(latest.toString()))
                .body("timeline.findAll { it.event == 'ShipmentDelayed' }", hasSize(2));
    }

    @Test
    void betweenScheduledAndBlockedTheNewerReportWins() {
        UUID id = UUID.fromString(Fixtures.place("KR"));
        publish(new BuildScheduled(id, "KR", Region.KR, "LONG_RANGE_DUAL_MOTOR", LocalDate.of(2027, 3, 9), "2027-W10",
                T0.plusSeconds(3_600)));
        awaitStatus(id, "SCHEDULED");
        // A block reported before the schedule but delivered after it is history, not news.
        publish(new BuildBlocked(id, "KR", Region.KR, BlockReason.NO_PACKS, "2027-W10", "no packs for KR", T0));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(POLESTAR).get("/api/v1/orders/" + id)
                .then().body("timeline", hasSize(3)));
        as(POLESTAR).get("/api/v1/orders/" + id).then()
                .body("status", equalTo("SCHEDULED"))
                .body("plannedDate", equalTo("2027-03-09"));

        publish(new BuildBlocked(id, "KR", Region.KR, BlockReason.NO_CAPACITY, "2027-W10", "line full", T0.plusSeconds(7_200)));
        awaitStatus(id, "BLOCKED");
        as(POLESTAR).get("/api/v1/orders/" + id).then()
                .body("blockedReason", containsString("NO_CAPACITY"))
                .body("plannedDate", equalTo(null));
    }

    @Test
    void aCancelGrantedByThePlantCancelsTheOrderAndIsAnnouncedAsItsOutcome() {
        UUID id = UUID.fromString(Fixtures.place("ES"));
        publish(new BuildScheduled(id, "ES", Region.EU, "LONG_RANGE_DUAL_MOTOR", LocalDate.of(2027, 3, 2), "2027-W09", T0));
        awaitStatus(id, "SCHEDULED");
        as(POLESTAR).body("{\"reason\":\"customer changed mind\"}").post("/api/v1/orders/" + id + "/cancel")
                .then().statusCode(202).body("status", equalTo("SCHEDULED")).body("cancellation.status", equalTo("REQUESTED"));

        publish(new BuildCancelled(id, Region.EU, "2027-W09", T0.plusSeconds(60)));
        awaitStatus(id, "CANCELLED");
        as(POLESTAR).get("/api/v1/orders/" + id).then()
                .body("cancellation.status", equalTo("CANCELLED"))
                .body("cancellation.decidedAt", notNullValue())
                .body("timeline.event", hasItems("OrderCancelRequested", "BuildCancelled", "OrderCancelled"))
                .body("timeline.find { it.event == 'OrderCancelled' }.detail", containsString("customer changed mind"));
        OrderCancelled outcome = orderEvent(id, OrderCancelled.class);
        assertThat(outcome.reason()).isEqualTo("customer changed mind");
        as(POLESTAR).post("/api/v1/orders/" + id + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));

        // A late planning event is history: the order stays cancelled.
        publish(new BuildRescheduled(id, Region.EU, LocalDate.of(2027, 3, 2), LocalDate.of(2027, 3, 3), "2027-W09", null,
                T0.plusSeconds(30)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(POLESTAR).get("/api/v1/orders/" + id)
                .then().body("timeline.event", hasItems("BuildRescheduled")));
        as(POLESTAR).get("/api/v1/orders/" + id).then().body("status", equalTo("CANCELLED"));
    }

    @Test
    void aCancelRefusedByThePlantLeavesTheOrderGoing() {
        UUID id = UUID.fromString(Fixtures.place("SE"));
        publish(new BuildScheduled(id, "SE", Region.EU, "LONG_RANGE_DUAL_MOTOR", LocalDate.of(2027, 3, 2), "2027-W09", T0));
        awaitStatus(id, "SCHEDULED");
        as(POLESTAR).post("/api/v1/orders/" + id + "/cancel").then().statusCode(202);
        // The plant started the build before the request reached it.
        publish(new BuildStarted(id, LocalDate.of(2027, 3, 2), T0.plusSeconds(3_600)));
        publish(new CancelRefused(id, "build started at " + T0.plusSeconds(3_600), T0.plusSeconds(3_700)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(POLESTAR).get("/api/v1/orders/" + id)
                .then().body("cancellation.status", equalTo("REFUSED")));
        as(POLESTAR).get("/api/v1/orders/" + id).then()
                .body("status", equalTo("IN_PRODUCTION"))
                .body("cancellation.detail", containsString("build started at"))
                .body("timeline.event", hasItems("OrderCancelRequested", "BuildStarted", "CancelRefused", "OrderCancelRefused"));
        assertThat(orderEvent(id, OrderCancelRefused.class).reason()).contains("build started at");

        publish(built(id, T0.plusSeconds(7_200)));
        awaitStatus(id, "BUILT");
        as(POLESTAR).post("/api/v1/orders/" + id + "/cancel").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("BUILT"));
    }

    @Test
    void anOrderKnownToBeInProductionCannotBeCancelled() {
        UUID started = UUID.fromString(Fixtures.place("ES"));
        publish(new BuildStarted(started, LocalDate.of(2027, 3, 2), T0));
        awaitStatus(started, "IN_PRODUCTION");
        as(POLESTAR).post("/api/v1/orders/" + started + "/cancel").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("IN_PRODUCTION"));
        as(POLESTAR).get("/api/v1/orders/" + started).then().body("cancellation", nullValue());
    }

    @Test
    void unreadableMessagesAreDeadLetteredAndTheConsumerKeepsGoing() {
        UUID id = UUID.fromString(Fixtures.place("US"));
        ProducerRecord<String, String> garbage = new ProducerRecord<>("production-events", id.toString(), "not json");
        ProducerRecord<String, String> broken = CloudEventRecords.of(new BuildStarted(id, LocalDate.of(2027, 3, 2), T0));
        ProducerRecord<String, String> unreadable = new ProducerRecord<>(broken.topic(), null, broken.key(), "{\"orderId\":42",
                broken.headers());
        KafkaResource.companion().produceStrings().fromRecords(garbage, unreadable).awaitCompletion();
        publish(new BuildStarted(id, LocalDate.of(2027, 3, 2), T0));
        awaitStatus(id, "IN_PRODUCTION");

        var dead = CloudEventRecords.all(DEAD_LETTERS, id.toString(), Duration.ofSeconds(5));
        assertThat(dead).hasSize(2);
        assertThat(dead).allSatisfy(record -> assertThat(CloudEventRecords.header(record, "dead-letter-reason")).isPresent());
        assertThat(dead).anySatisfy(record -> assertThat(CloudEventRecords.header(record, "dead-letter-reason").orElseThrow())
                .contains("unreadable payload"));
        // The kit's operations endpoint lists them, without their payloads; it is the viewer's, not a brand's.
        as(Fixtures.VIEWER).get("/api/v1/ops/parked").then().statusCode(200)
                .body("service", equalTo("order-service"))
                .body("deadLetters.topic", equalTo(DEAD_LETTERS))
                .body("deadLetters.count", greaterThanOrEqualTo(2))
                .body("deadLetters.latest.findAll { it.key == '%s' }.size()".formatted(id), equalTo(2))
                .body("deadLetters.latest.find { it.key == '%s' && it.eventType != null }.reason".formatted(id),
                        containsString("unreadable payload"));
        as(POLESTAR).get("/api/v1/ops/parked").then().statusCode(403);
    }

    private static VehicleBuilt built(UUID id, Instant at) {
        return new VehicleBuilt(id, "polestar", "KNMP4EV27TB000123", "US", Region.NA, "LGES-2027W09-000001",
                "LGES", 0, 1450.0, at);
    }

    private static ShipmentBooked booked(UUID id, Instant at) {
        return new ShipmentBooked(id, "KNMP4EV27TB000123", VOYAGE, "Morning Calypso", TransportMode.RO_RO, null,
                "KRPUS", "USLGB", T0.plusSeconds(150_000), eta(), at);
    }

    private static Instant eta() {
        return T0.plusSeconds(1_500_000);
    }
}
