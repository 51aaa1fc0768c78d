package com.busanev.logistics;

import static com.busanev.logistics.Fixtures.OPERATOR;
import static com.busanev.logistics.Fixtures.VIEWER;
import static com.busanev.logistics.Fixtures.as;
import static com.busanev.logistics.Fixtures.awaitEvent;
import static com.busanev.logistics.Fixtures.awaitShipment;
import static com.busanev.logistics.Fixtures.built;
import static com.busanev.logistics.Fixtures.now;
import static com.busanev.logistics.Fixtures.publish;
import static com.busanev.logistics.Fixtures.send;
import static com.busanev.logistics.Fixtures.vehicle;
import static com.busanev.logistics.Fixtures.voyage;
import static com.busanev.logistics.Fixtures.voyageBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import com.busanev.events.BuildStarted;
import com.busanev.events.EventType;
import com.busanev.events.Region;
import com.busanev.events.ShipmentBooked;
import com.busanev.events.Topics;
import com.busanev.events.TransportMode;
import com.busanev.events.VehicleBuilt;
import com.busanev.testing.CloudEventRecords;
import com.busanev.testing.KafkaResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Booking driven by real events on the real broker; each test ships to its own market or window of time. */
@QuarkusTest
class LogisticsFlowTest {

    @Test
    void carsTakeTheFirstVoyageWithRoomAndWaitWhenNoneHasAny() {
        Instant departure = now().plus(10, ChronoUnit.DAYS);
        String first = voyage("CA-ONE", "RO_RO", "CAVAN", departure, "\"capacityCars\":2");
        UUID a = built("CA");
        assertThat(awaitEvent(a, ShipmentBooked.class).voyageId()).hasToString(first);
        UUID b = built("CA");
        assertThat(awaitEvent(b, ShipmentBooked.class).voyageId()).hasToString(first);
        UUID c = built("CA");
        awaitShipment(c, "UNBOOKED");

        String second = voyage("CA-TWO", "RO_RO", "CAVAN", departure.plus(7, ChronoUnit.DAYS), "\"capacityCars\":100");
        ShipmentBooked late = awaitEvent(c, ShipmentBooked.class);
        assertThat(late.voyageId()).hasToString(second);
        assertThat(late.eta()).isEqualTo(departure.plus(7 + 14, ChronoUnit.DAYS));
        as(OPERATOR).get("/api/v1/voyages/" + first).then().body("bookedCars", equalTo(2)).body("loadFactor", equalTo(1.0f));
    }

    @Test
    void waitingCarsAreBookedBatchAfterBatchAndTakeThePlaceMoreCapacityMakes() {
        Instant builtAt = now().plus(100, ChronoUnit.DAYS);
        List<UUID> cars = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cars.add(built("CA", builtAt.plus(i, ChronoUnit.MINUTES)));
        }
        cars.forEach(car -> awaitShipment(car, "UNBOOKED"));

        // Five waiting cars are more than a batch (logistics.waiting-batch is 2 in the test profile).
        String voyage = as(OPERATOR).body(voyageBody("CA-BATCHES", "RO_RO", "CAVAN", builtAt.plus(5, ChronoUnit.DAYS),
                        "\"capacityCars\":4")).post("/api/v1/voyages")
                .then().statusCode(201).body("bookedCars", equalTo(4)).extract().path("id");
        as(VIEWER).queryParam("voyage", voyage).get("/api/v1/shipments").then().statusCode(200)
                .body("items.orderId", containsInAnyOrder(cars.subList(0, 4).stream().map(UUID::toString).toArray()));
        awaitShipment(cars.get(4), "UNBOOKED");

        as(OPERATOR).body("{\"capacityCars\":5}").patch("/api/v1/voyages/" + voyage).then().statusCode(200);
        assertThat(awaitEvent(cars.get(4), ShipmentBooked.class).voyageId()).hasToString(voyage);
        as(VIEWER).get("/api/v1/voyages/" + voyage).then().body("bookedCars", equalTo(5));
    }

    @Test
    void aCarThatCannotMakeTheCutOffTakesTheNextVoyage() {
        voyage("US-MISSED", "RO_RO", "USLGB", now().plus(20, ChronoUnit.HOURS), "\"capacityCars\":100,\"cutOffHours\":24");
        String taken = voyage("US-NEXT", "RO_RO", "USBAL", now().plus(5, ChronoUnit.DAYS), "\"capacityCars\":100");
        UUID car = built("US");
        ShipmentBooked booked = awaitEvent(car, ShipmentBooked.class);
        assertThat(booked.voyageId()).hasToString(taken);
        assertThat(booked.destinationPort()).isEqualTo("USBAL");
    }

    @Test
    void aCarReachesThePortOnlyAfterThePlantToPortLeadTime() {
        Instant builtAt = now().plus(130, ChronoUnit.DAYS);
        // Cut-off 3 h after the car is built: before it reaches the terminal (lead time 6 h).
        voyage("US-LEAD-MISSED", "RO_RO", "USLGB", builtAt.plus(27, ChronoUnit.HOURS), "\"capacityCars\":10,\"cutOffHours\":24");
        String next = voyage("US-LEAD-NEXT", "RO_RO", "USBAL", builtAt.plus(3, ChronoUnit.DAYS), "\"capacityCars\":10");
        UUID car = built("US", builtAt);
        assertThat(awaitEvent(car, ShipmentBooked.class).voyageId()).hasToString(next);
    }

    @Test
    void containersFillThreeCarsAtATime() {
        String voyage = voyage("LEH-BOX", "CONTAINER", "FRLEH", now().plus(3, ChronoUnit.DAYS), "\"containers\":2");
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
    void aFullContainerServiceLeavesTheSeventhCarWaiting() {
        Instant builtAt = now().plus(190, ChronoUnit.DAYS);
        String voyage = voyage("ZEE-BOX", "CONTAINER", "BEZEE", builtAt.plus(5, ChronoUnit.DAYS), "\"containers\":2");
        List<UUID> cars = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            cars.add(built("NL", builtAt.plus(i, ChronoUnit.MINUTES)));
        }
        List<UUID> waiting = new ArrayList<>();
        for (UUID car : cars) {
            awaitShipmentExists(car);
            String status = as(VIEWER).queryParam("orderId", car.toString()).get("/api/v1/shipments").path("items[0].status");
            if ("UNBOOKED".equals(status)) {
                waiting.add(car);
            }
        }
        assertThat(waiting).hasSize(1);
        as(VIEWER).get("/api/v1/voyages/" + voyage + "/manifest").then().statusCode(200)
                .body("cars", hasSize(6))
                .body("containers.vins", everyItem(hasSize(3)))
                .body("containers", hasSize(2))
                .body("voyage.loadFactor", equalTo(1.0f));
        // A sailing with exactly one place takes it: no waiting car of this test is left for the other tests' European
        // voyages, and no free place of this test for their cars.
        String next = voyage("ZEE-ONE", "RO_RO", "BEZEE", builtAt.plus(12, ChronoUnit.DAYS), "\"capacityCars\":1");
        assertThat(awaitEvent(waiting.get(0), ShipmentBooked.class).voyageId()).hasToString(next);
    }

    @Test
    void aVehicleBuiltDeliveredTwiceBooksOnce() {
        Instant builtAt = now().plus(220, ChronoUnit.DAYS);
        String voyage = voyage("US-ONCE", "RO_RO", "USLGB", builtAt.plus(5, ChronoUnit.DAYS), "\"capacityCars\":10");
        VehicleBuilt twice = vehicle("US", Region.NA, builtAt);
        var record = CloudEventRecords.of(twice, UUID.randomUUID().toString());
        send(record);
        send(record);
        // A car sent after them on the same key (so the same partition) is read after both deliveries.
        VehicleBuilt after = vehicle("US", Region.NA, builtAt);
        var next = CloudEventRecords.of(after);
        send(new ProducerRecord<>(next.topic(), null, twice.orderId().toString(), next.value(), next.headers()));
        awaitEvent(after.orderId(), ShipmentBooked.class);

        as(VIEWER).get("/api/v1/voyages/" + voyage).then().body("bookedCars", equalTo(2));
        as(VIEWER).queryParam("vin", twice.vin()).get("/api/v1/shipments").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].voyageId", equalTo(voyage));
        as(VIEWER).queryParam("voyage", voyage).get("/api/v1/shipments").then().statusCode(200)
                .body("items.vin", containsInAnyOrder(twice.vin(), after.vin()));
    }

    @Test
    void koreanCarsGoByTruck() {
        UUID car = built("KR");
        ShipmentBooked booked = awaitEvent(car, ShipmentBooked.class);
        assertThat(booked.mode()).isEqualTo(TransportMode.TRUCK);
        assertThat(booked.voyageId()).isNull();
        assertThat(booked.destinationPort()).isEqualTo("KR");
    }

    @Test
    void aCarForAMarketNoPortServesWaitsInsteadOfTakingATruck() {
        VehicleBuilt mexican = vehicle("MX", Region.NA, now());
        publish(mexican);
        awaitShipment(mexican.orderId(), "UNBOOKED");
    }

    @Test
    void unreadableEventsAreDeadLettered() {
        String key = UUID.randomUUID().toString();
        KafkaResource.companion().produceStrings()
                .fromRecords(new ProducerRecord<>(Topics.PRODUCTION_EVENTS, key, "][")).awaitCompletion();
        var dead = CloudEventRecords.awaitFirst("logistics-service.dlq", key, null, Duration.ofSeconds(30));
        assertThat(CloudEventRecords.header(dead, "dead-letter-reason")).isPresent();
    }

    @Test
    void anEventOfATypeLogisticsDoesNotFollowIsSkippedWithItsPayloadUnread() {
        VehicleBuilt car = vehicle("US", Region.NA, now());
        var started = CloudEventRecords.of(new BuildStarted(car.orderId(), LocalDate.of(2027, 3, 2), now()));
        var built = CloudEventRecords.of(car);
        KafkaResource.companion().produceStrings().fromRecords(
                new ProducerRecord<>(started.topic(), null, started.key(), "{\"orderId\":42", started.headers()),
                new ProducerRecord<>(built.topic(), null, built.key(), "{\"orderId\":42", built.headers())).awaitCompletion();
        // Only the VehicleBuilt it follows is judged (and dead-lettered); BuildStarted is for the services that follow it.
        CloudEventRecords.awaitFirst("logistics-service.dlq", built.key(), null, Duration.ofSeconds(30));
        var dead = CloudEventRecords.all("logistics-service.dlq", built.key(), Duration.ofSeconds(3));
        assertThat(dead).singleElement().satisfies(record -> assertThat(CloudEventRecords.header(record, "ce_type"))
                .contains(EventType.VEHICLE_BUILT.ceType()));
    }

    private static void awaitShipmentExists(UUID order) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(VIEWER)
                .queryParam("orderId", order.toString()).get("/api/v1/shipments").then().body("items", hasSize(1)));
    }
}
