package com.busanev.logistics;

import static com.busanev.logistics.Fixtures.OPERATOR;
import static com.busanev.logistics.Fixtures.VIEWER;
import static com.busanev.logistics.Fixtures.as;
import static com.busanev.logistics.Fixtures.awaitEvent;
import static com.busanev.logistics.Fixtures.awaitShipment;
import static com.busanev.logistics.Fixtures.now;
import static com.busanev.logistics.Fixtures.passport;
import static com.busanev.logistics.Fixtures.publish;
import static com.busanev.logistics.Fixtures.publishRecorded;
import static com.busanev.logistics.Fixtures.read;
import static com.busanev.logistics.Fixtures.recordedPassportVersion;
import static com.busanev.logistics.Fixtures.vehicle;
import static com.busanev.logistics.Fixtures.voyage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.busanev.events.EventType;
import com.busanev.events.Region;
import com.busanev.events.ShipmentBooked;
import com.busanev.events.ShipmentHeld;
import com.busanev.events.Topics;
import com.busanev.events.VehicleBuilt;
import com.busanev.logistics.shipment.Bookings;
import com.busanev.testing.CloudEventRecords;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The battery passport duty: an EU car is booked only with a complete passport (the test profile applies it from a
 * date before today). The passport (supplier-events) and the car (production-events) come in either order. Each
 * test has its own window of time and voyages of one place, which its car takes: a free place would take another
 * test's waiting car.
 */
@QuarkusTest
class PassportHoldTest {
    private static final String NOT_ISSUED = "battery passport not yet issued";

    @Test
    void aCarWithoutACompletePassportIsHeldUntilOneArrives() throws Exception {
        Instant builtAt = now().plus(400, ChronoUnit.DAYS);
        String voyage = voyage("LEH-PASSPORT", "RO_RO", "FRLEH", builtAt.plus(3, ChronoUnit.DAYS), "\"capacityCars\":1");
        VehicleBuilt car = vehicle("FR", Region.EU, builtAt);
        UUID order = car.orderId();

        publish(car);
        awaitHold(order, NOT_ISSUED);
        assertThat(awaitEvent(order, ShipmentHeld.class)).satisfies(held -> {
            assertThat(held.vin()).isEqualTo(car.vin());
            assertThat(held.reason()).isEqualTo(NOT_ISSUED);
        });
        as(VIEWER).queryParam("status", "HELD").queryParam("size", 500).get("/api/v1/shipments")
                .then().statusCode(200).body("items.orderId", hasItem(order.toString()));

        publish(passport(car, 2, "carbonFootprint", "recycledContent"));
        awaitHold(order, "battery passport incomplete: missing carbonFootprint, recycledContent");
        // An older version, complete, arriving late changes nothing: the car stays held for version 2's reason.
        publish(passport(car, 1));
        // Same partition as version 1: once version 3's reason shows, version 1 was judged before it.
        publish(passport(car, 3, "dueDiligenceReport"));
        awaitHold(order, "battery passport incomplete: missing dueDiligenceReport");
        assertThat(recordedPassportVersion(order)).isEqualTo(3);
        // Held again for the same reason: not announced again.
        publish(passport(car, 4, "dueDiligenceReport"));
        publish(passport(car, 5));

        assertThat(awaitEvent(order, ShipmentBooked.class).voyageId()).hasToString(voyage);
        awaitShipment(order, "BOOKED");
        as(VIEWER).queryParam("orderId", order.toString()).get("/api/v1/shipments")
                .then().body("items[0].hold", nullValue()).body("items[0].voyageId", equalTo(voyage));
        List<String> events = CloudEventRecords.all(Topics.LOGISTICS_EVENTS, order.toString(), Duration.ofSeconds(3))
                .stream().map(record -> CloudEventRecords.header(record, "ce_type").orElseThrow() + ": "
                        + (record.value().contains("\"reason\"") ? read(record.value(), ShipmentHeld.class).reason() : ""))
                .toList();
        assertThat(events).containsExactly(
                EventType.SHIPMENT_HELD.ceType() + ": " + NOT_ISSUED,
                EventType.SHIPMENT_HELD.ceType() + ": battery passport incomplete: missing carbonFootprint, recycledContent",
                EventType.SHIPMENT_HELD.ceType() + ": battery passport incomplete: missing dueDiligenceReport",
                EventType.SHIPMENT_BOOKED.ceType() + ": ");
    }

    @Test
    void aCarWhoseCompletePassportCameFirstIsBookedDirectly() {
        Instant builtAt = now().plus(410, ChronoUnit.DAYS);
        String voyage = voyage("ZEE-PASSPORT", "RO_RO", "BEZEE", builtAt.plus(3, ChronoUnit.DAYS), "\"capacityCars\":1");
        VehicleBuilt car = vehicle("NL", Region.EU, builtAt);

        publishRecorded(passport(car, 1));
        publish(car);

        assertThat(awaitEvent(car.orderId(), ShipmentBooked.class).voyageId()).hasToString(voyage);
        assertThat(types(car.orderId())).containsExactly(EventType.SHIPMENT_BOOKED.ceType());
    }

    @Test
    void anIncompletePassportThatCameFirstHoldsTheCarNamingTheMissingFields() {
        Instant builtAt = now().plus(420, ChronoUnit.DAYS);
        String voyage = voyage("BRV-PASSPORT", "RO_RO", "DEBRV", builtAt.plus(3, ChronoUnit.DAYS), "\"capacityCars\":1");
        VehicleBuilt car = vehicle("DE", Region.EU, builtAt);

        publishRecorded(passport(car, 1, "stateOfHealth"));
        publish(car);
        awaitHold(car.orderId(), "battery passport incomplete: missing stateOfHealth");

        publish(passport(car, 2));
        assertThat(awaitEvent(car.orderId(), ShipmentBooked.class).voyageId()).hasToString(voyage);
        assertThat(types(car.orderId()))
                .containsExactly(EventType.SHIPMENT_HELD.ceType(), EventType.SHIPMENT_BOOKED.ceType());
    }

    @Test
    void aWaitingCarWhosePassportTurnsIncompleteIsHeld() {
        // No voyage in this window: the car waits for one.
        VehicleBuilt car = vehicle("IT", Region.EU, now().plus(430, ChronoUnit.DAYS));
        publishRecorded(passport(car, 1));
        publish(car);
        awaitShipment(car.orderId(), "UNBOOKED");

        publish(passport(car, 2, "materialComposition"));
        awaitHold(car.orderId(), "battery passport incomplete: missing materialComposition");
        publish(passport(car, 3));
        awaitShipment(car.orderId(), "UNBOOKED");
        as(VIEWER).queryParam("orderId", car.orderId().toString()).get("/api/v1/shipments")
                .then().body("items[0].hold", nullValue());
        // released with no voyage to take it: the order learns the passport is no longer the reason
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(heldReasons(car.orderId()))
                .containsExactly("battery passport incomplete: missing materialComposition", Bookings.WAITING_FOR_SAILING));
        // A voyage added later takes it like any waiting car; none of another test's windows is this late.
        String voyage = voyage("GOA-PASSPORT", "RO_RO", "FRLEH", now().plus(433, ChronoUnit.DAYS), "\"capacityCars\":1");
        assertThat(awaitEvent(car.orderId(), ShipmentBooked.class).voyageId()).hasToString(voyage);
    }

    @Test
    void aUsCarNeedsNoPassport() {
        Instant builtAt = now().plus(440, ChronoUnit.DAYS);
        String voyage = voyage("LGB-PASSPORT", "RO_RO", "USLGB", builtAt.plus(3, ChronoUnit.DAYS), "\"capacityCars\":1");
        VehicleBuilt car = vehicle("US", Region.NA, builtAt);
        publish(car);
        assertThat(awaitEvent(car.orderId(), ShipmentBooked.class).voyageId()).hasToString(voyage);
        assertThat(types(car.orderId())).containsExactly(EventType.SHIPMENT_BOOKED.ceType());
    }

    private static void awaitHold(UUID order, String reason) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(OPERATOR)
                .queryParam("orderId", order.toString()).get("/api/v1/shipments")
                .then().body("items[0].status", equalTo("HELD")).body("items[0].hold.reason", equalTo(reason)));
    }

    private static List<String> heldReasons(UUID order) {
        return CloudEventRecords.all(Topics.LOGISTICS_EVENTS, order.toString(), Duration.ofSeconds(3)).stream()
                .filter(record -> record.value().contains("\"reason\""))
                .map(record -> read(record.value(), ShipmentHeld.class).reason()).toList();
    }

    private static List<String> types(UUID order) {
        return CloudEventRecords.all(Topics.LOGISTICS_EVENTS, order.toString(), Duration.ofSeconds(3)).stream()
                .map(record -> CloudEventRecords.header(record, "ce_type").orElseThrow()).toList();
    }
}
