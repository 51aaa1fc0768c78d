package com.busanev.logistics;

import static com.busanev.logistics.Fixtures.OPERATOR;
import static com.busanev.logistics.Fixtures.VIEWER;
import static com.busanev.logistics.Fixtures.as;
import static com.busanev.logistics.Fixtures.at;
import static com.busanev.logistics.Fixtures.awaitEvent;
import static com.busanev.logistics.Fixtures.built;
import static com.busanev.logistics.Fixtures.now;
import static com.busanev.logistics.Fixtures.voyageBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.busanev.events.ShipmentArrived;
import com.busanev.events.ShipmentBooked;
import com.busanev.events.ShipmentDeparted;
import com.busanev.events.TransportMode;
import com.busanev.logistics.simulator.VoyageSimulator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The simulator of the local run, one tick at a time (the tests switch its schedule off and tick it themselves):
 * it moves trucks and voyages through the same code as the operator's reports, at their planned times.
 */
@QuarkusTest
class VoyageSimulatorTest {
    @Inject
    VoyageSimulator simulator;

    @Test
    void koreanTrucksLeaveWhenTheCarIsReadyAndDeliverOnTheirEta() throws Throwable {
        // Ready (built + 6 h) 42 h ago, due at the dealer (ready + 24 h) 18 h ago: one tick plays both.
        UUID delivered = built("KR", now().minus(2, ChronoUnit.DAYS));
        // Ready an hour ago, due at the dealer in 23 h: it leaves and stays on the road.
        UUID onTheRoad = built("KR", now().minus(7, ChronoUnit.HOURS));
        // Ready in 6 h: it stays at the plant.
        UUID notReady = built("KR", now());
        ShipmentBooked booked = awaitEvent(delivered, ShipmentBooked.class);
        assertThat(booked.mode()).isEqualTo(TransportMode.TRUCK);
        ShipmentBooked bookedOnTheRoad = awaitEvent(onTheRoad, ShipmentBooked.class);
        awaitEvent(notReady, ShipmentBooked.class);

        tick();

        ShipmentDeparted departed = awaitEvent(delivered, ShipmentDeparted.class);
        assertThat(departed.departedAt()).isEqualTo(booked.departure());
        assertThat(departed.eta()).isEqualTo(booked.eta());
        ShipmentArrived arrived = awaitEvent(delivered, ShipmentArrived.class);
        assertThat(arrived.arrivedAt()).isEqualTo(booked.eta());
        assertThat(arrived.port()).isEqualTo("KR");
        assertThat(awaitEvent(onTheRoad, ShipmentDeparted.class).departedAt()).isEqualTo(bookedOnTheRoad.departure());
        assertStatus(delivered, "ARRIVED");
        assertStatus(onTheRoad, "DEPARTED");
        assertStatus(notReady, "BOOKED");
    }

    @Test
    void voyagesDepartOnScheduleAndArriveOnTheirEta() throws Throwable {
        // Far enough ahead that the voyage is still in the future when it is added, on a busy machine too.
        Instant departure = now().plusSeconds(10);
        String leaving = as(OPERATOR).body(voyageBody("SIM-LEAVE", "RO_RO", "CAVAN", departure, 14,
                "\"capacityCars\":10,\"cutOffHours\":0")).post("/api/v1/voyages").then().statusCode(201).extract().path("id");
        UUID leavingCar = built("CA", now().minus(7, ChronoUnit.HOURS));
        ShipmentBooked leavingBooked = awaitEvent(leavingCar, ShipmentBooked.class);
        assertThat(leavingBooked.voyageId()).hasToString(leaving);

        String arriving = as(OPERATOR).body(voyageBody("SIM-ARRIVE", "RO_RO", "USBAL", now().plus(1, ChronoUnit.HOURS), 1,
                "\"capacityCars\":10,\"cutOffHours\":0")).post("/api/v1/voyages").then().statusCode(201).extract().path("id");
        UUID arrivingCar = built("US", now().minus(7, ChronoUnit.HOURS));
        assertThat(awaitEvent(arrivingCar, ShipmentBooked.class).voyageId()).hasToString(arriving);
        // It left two days ago (the operator said so), one day's sailing: due at Baltimore yesterday.
        Instant leftAt = now().minus(2, ChronoUnit.DAYS);
        as(OPERATOR).body(at(leftAt)).post("/api/v1/voyages/" + arriving + "/depart").then().statusCode(200);

        Awaitility.await().until(() -> Instant.now().isAfter(departure));
        tick();

        ShipmentDeparted departed = awaitEvent(leavingCar, ShipmentDeparted.class);
        assertThat(departed.departedAt()).isEqualTo(departure);
        assertThat(departed.eta()).isEqualTo(leavingBooked.eta());
        as(VIEWER).get("/api/v1/voyages/" + leaving).then().body("status", equalTo("DEPARTED"));
        ShipmentArrived arrived = awaitEvent(arrivingCar, ShipmentArrived.class);
        assertThat(arrived.arrivedAt()).isEqualTo(leftAt.plus(1, ChronoUnit.DAYS));
        assertThat(arrived.port()).isEqualTo("USBAL");
        as(VIEWER).get("/api/v1/voyages/" + arriving).then().body("status", equalTo("ARRIVED"));
    }

    private void tick() throws Throwable {
        VertxContextSupport.subscribeAndAwait(simulator::tick);
    }

    private static void assertStatus(UUID order, String status) {
        as(VIEWER).queryParam("orderId", order.toString()).get("/api/v1/shipments").then().body("items[0].status", equalTo(status));
    }
}
