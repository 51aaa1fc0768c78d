package com.busanev.logistics;

import static com.busanev.logistics.Fixtures.OPERATOR;
import static com.busanev.logistics.Fixtures.POLESTAR;
import static com.busanev.logistics.Fixtures.VIEWER;
import static com.busanev.logistics.Fixtures.as;
import static com.busanev.logistics.Fixtures.at;
import static com.busanev.logistics.Fixtures.awaitEvent;
import static com.busanev.logistics.Fixtures.awaitShipment;
import static com.busanev.logistics.Fixtures.built;
import static com.busanev.logistics.Fixtures.now;
import static com.busanev.logistics.Fixtures.publish;
import static com.busanev.logistics.Fixtures.vehicle;
import static com.busanev.logistics.Fixtures.voyage;
import static com.busanev.logistics.Fixtures.voyageBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.busanev.events.Region;
import com.busanev.events.SailingScheduled;
import com.busanev.events.ShipmentArrived;
import com.busanev.events.ShipmentBooked;
import com.busanev.events.ShipmentDelayed;
import com.busanev.events.ShipmentDeparted;
import com.busanev.events.Topics;
import com.busanev.events.TransportMode;
import com.busanev.events.VehicleBuilt;
import com.busanev.testing.CloudEventRecords;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Departures, arrivals, changes of plan and what they do to every car's ETA; Korean trucks. */
@QuarkusTest
class SailingTest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void aLateDepartureMovesEveryEta() {
        Instant departure = now().plusSeconds(3);
        String voyage = voyage("US-LATE", "RO_RO", "USLGB", departure, "\"capacityCars\":10,\"cutOffHours\":0");
        UUID car = built("US", now().minus(7, ChronoUnit.HOURS));
        UUID other = built("US", now().minus(8, ChronoUnit.HOURS));
        ShipmentBooked booked = awaitEvent(car, ShipmentBooked.class);
        assertThat(booked.voyageId()).hasToString(voyage);
        assertThat(awaitEvent(other, ShipmentBooked.class).voyageId()).hasToString(voyage);
        as(OPERATOR).body(at(now().plus(1, ChronoUnit.HOURS))).post("/api/v1/voyages/" + voyage + "/depart")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("at"));

        // Only a ship whose departure has passed can leave late: wait for it, to the millisecond the times are kept in
        // (a departure reported within the planned one's millisecond would be on time: no delay).
        Awaitility.await().until(() -> now().isAfter(departure));
        Instant departed = now();
        as(OPERATOR).body(at(departed)).post("/api/v1/voyages/" + voyage + "/depart")
                .then().statusCode(200).body("status", equalTo("DEPARTED"));
        ShipmentDelayed delayed = awaitEvent(car, ShipmentDelayed.class);
        assertThat(delayed.previousEta()).isEqualTo(booked.eta());
        assertThat(delayed.eta()).isEqualTo(departed.plus(14, ChronoUnit.DAYS));
        assertThat(awaitEvent(car, ShipmentDeparted.class).eta()).isEqualTo(delayed.eta());
        // Every car aboard moved, and its shipment says so.
        assertThat(awaitEvent(other, ShipmentDelayed.class).eta()).isEqualTo(delayed.eta());
        assertThat(awaitEvent(other, ShipmentDeparted.class).departedAt()).isEqualTo(departed);
        as(OPERATOR).get("/api/v1/shipments?orderId=" + other).then().statusCode(200)
                .body("items[0].status", equalTo("DEPARTED"))
                .body("items[0].departedAt", equalTo(departed.toString()))
                .body("items[0].eta", equalTo(delayed.eta().toString()))
                .body("items[0].delay.firstEta", equalTo(booked.eta().toString()));
        as(OPERATOR).post("/api/v1/voyages/" + voyage + "/depart").then().statusCode(409).contentType(PROBLEM);
        // The operator lists the delayed cars: this one with its promise, when and why it moved.
        as(OPERATOR).get("/api/v1/shipments?delayed=true&orderId=" + car).then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].delay.firstEta", equalTo(booked.eta().toString()))
                .body("items[0].delay.reason", containsString("departed late"));
    }

    @Test
    void aCarOnTimeIsNotListedAsDelayed() {
        UUID car = built("US", now().minus(7, ChronoUnit.HOURS));
        Awaitility.await().untilAsserted(() -> as(OPERATOR).get("/api/v1/shipments?orderId=" + car).then()
                .statusCode(200).body("totalItems", equalTo(1)).body("items[0].delay", nullValue()));
        as(OPERATOR).get("/api/v1/shipments?delayed=true&orderId=" + car).then().statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void aLateArrivalIsAnnouncedAsADelay() {
        String voyage = as(OPERATOR).body(voyageBody("US-EARLY", "RO_RO", "USBAL", now().plus(1, ChronoUnit.HOURS), 1,
                        "\"capacityCars\":10,\"cutOffHours\":0")).post("/api/v1/voyages")
                .then().statusCode(201).extract().path("id");
        UUID car = built("US", now().minus(7, ChronoUnit.HOURS));
        assertThat(awaitEvent(car, ShipmentBooked.class).voyageId()).hasToString(voyage);

        // Reported as having left two days ago, one day's sailing: due yesterday.
        Instant departed = now().minus(2, ChronoUnit.DAYS);
        as(OPERATOR).body(at(departed)).post("/api/v1/voyages/" + voyage + "/depart").then().statusCode(200);
        as(OPERATOR).body(at(departed.minus(1, ChronoUnit.HOURS))).post("/api/v1/voyages/" + voyage + "/arrive")
                .then().statusCode(400).contentType(PROBLEM);
        as(OPERATOR).body(at(now().plus(1, ChronoUnit.HOURS))).post("/api/v1/voyages/" + voyage + "/arrive")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("at"));
        Instant arrived = now();
        as(OPERATOR).body(at(arrived)).post("/api/v1/voyages/" + voyage + "/arrive")
                .then().statusCode(200).body("status", equalTo("ARRIVED"));
        ShipmentDelayed delayed = awaitEvent(car, ShipmentDelayed.class);
        assertThat(delayed.previousEta()).isEqualTo(departed.plus(1, ChronoUnit.DAYS));
        assertThat(delayed.eta()).isEqualTo(arrived);
        assertThat(awaitEvent(car, ShipmentArrived.class).port()).isEqualTo("USBAL");
    }

    @Test
    void aPostponedVoyageMovesEveryEtaAndOverbookingIsRefused() {
        Instant builtAt = now().plus(160, ChronoUnit.DAYS);
        String voyage = voyage("BRV-CHANGE", "RO_RO", "DEBRV", builtAt.plus(5, ChronoUnit.DAYS), "\"capacityCars\":2");
        String path = "/api/v1/voyages/" + voyage;
        // order-service promises deliveries from the sailings logistics announces
        SailingScheduled sailing = awaitEvent(UUID.fromString(voyage), SailingScheduled.class);
        assertThat(sailing.destinationPort()).isEqualTo("DEBRV");
        assertThat(sailing.eta()).isEqualTo(builtAt.plus(19, ChronoUnit.DAYS));
        UUID a = built("DE", builtAt);
        UUID b = built("DE", builtAt.plus(1, ChronoUnit.MINUTES));
        ShipmentBooked bookedA = awaitEvent(a, ShipmentBooked.class);
        awaitEvent(b, ShipmentBooked.class);
        UUID c = built("DE", builtAt.plus(2, ChronoUnit.MINUTES));
        awaitShipment(c, "UNBOOKED");

        as(OPERATOR).body("{\"capacityCars\":1}").patch(path).then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("Overbooking"));
        as(OPERATOR).body("{\"containers\":3}").patch(path).then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("capacityCars"));
        as(OPERATOR).body("{}").patch(path).then().statusCode(400).contentType(PROBLEM);
        as(OPERATOR).body("{\"departure\":\"" + builtAt.plus(4, ChronoUnit.DAYS) + "\"}").patch(path)
                .then().statusCode(409).contentType(PROBLEM);
        as(VIEWER).body("{\"capacityCars\":3}").patch(path).then().statusCode(403);

        Instant later = builtAt.plus(7, ChronoUnit.DAYS);
        as(OPERATOR).body("{\"capacityCars\":3,\"departure\":\"" + later + "\"}").patch(path).then().statusCode(200)
                .body("capacityCars", equalTo(3)).body("bookedCars", equalTo(3))
                .body("eta", equalTo(later.plus(14, ChronoUnit.DAYS).toString()));
        ShipmentDelayed delayed = awaitEvent(a, ShipmentDelayed.class);
        assertThat(delayed.previousEta()).isEqualTo(bookedA.eta());
        assertThat(delayed.eta()).isEqualTo(later.plus(14, ChronoUnit.DAYS));
        assertThat(awaitEvent(b, ShipmentDelayed.class).eta()).isEqualTo(later.plus(14, ChronoUnit.DAYS));
        assertThat(CloudEventRecords.all(Topics.LOGISTICS_EVENTS, voyage, Duration.ofSeconds(2)))
                .as("the postponed sailing is announced again").hasSize(2);
        // The room the change made went to the waiting car.
        assertThat(awaitEvent(c, ShipmentBooked.class).eta()).isEqualTo(later.plus(14, ChronoUnit.DAYS));

        as(OPERATOR).post(path + "/depart").then().statusCode(200);
        as(OPERATOR).body("{\"capacityCars\":4}").patch(path).then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void koreanTrucksLeaveAndDeliverWhenTheOperatorSaysSo() {
        UUID car = built("KR", now().minus(2, ChronoUnit.DAYS));
        ShipmentBooked booked = awaitEvent(car, ShipmentBooked.class);
        assertThat(booked.mode()).isEqualTo(TransportMode.TRUCK);
        String truck = "/api/v1/shipments/" + car;

        as(OPERATOR).post(truck + "/deliver").then().statusCode(409).contentType(PROBLEM);
        as(VIEWER).post(truck + "/depart").then().statusCode(403);
        as(POLESTAR).post(truck + "/depart").then().statusCode(403);
        // Leaves when the car is ready: on time, the ETA stays.
        as(OPERATOR).body(at(booked.departure())).post(truck + "/depart").then().statusCode(200)
                .body("status", equalTo("DEPARTED"));
        assertThat(awaitEvent(car, ShipmentDeparted.class).eta()).isEqualTo(booked.eta());
        as(OPERATOR).post(truck + "/depart").then().statusCode(409).contentType(PROBLEM);

        as(OPERATOR).body(at(now().plus(1, ChronoUnit.HOURS))).post(truck + "/deliver").then().statusCode(400)
                .contentType(PROBLEM);
        Instant delivered = now();
        as(OPERATOR).body(at(delivered)).post(truck + "/deliver").then().statusCode(200).body("status", equalTo("ARRIVED"));
        ShipmentDelayed delayed = awaitEvent(car, ShipmentDelayed.class);
        assertThat(delayed.previousEta()).isEqualTo(booked.eta());
        assertThat(delayed.eta()).isEqualTo(delivered);
        ShipmentArrived arrived = awaitEvent(car, ShipmentArrived.class);
        assertThat(arrived.port()).isEqualTo("KR");
        assertThat(arrived.arrivedAt()).isEqualTo(delivered);

        // A car that is not on a truck (here: waiting, no port serves its market) is the voyages' business.
        VehicleBuilt mexican = vehicle("MX", Region.NA, now());
        publish(mexican);
        awaitShipment(mexican.orderId(), "UNBOOKED");
        as(OPERATOR).post("/api/v1/shipments/" + mexican.orderId() + "/depart").then().statusCode(409).contentType(PROBLEM);
        as(OPERATOR).post("/api/v1/shipments/" + UUID.randomUUID() + "/depart").then().statusCode(404);
    }
}
