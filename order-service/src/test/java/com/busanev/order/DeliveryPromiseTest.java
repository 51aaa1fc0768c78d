package com.busanev.order;

import static com.busanev.order.Fixtures.POLESTAR;
import static com.busanev.order.Fixtures.VIEWER;
import static com.busanev.order.Fixtures.as;
import static com.busanev.order.Fixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.busanev.events.BuildRescheduled;
import com.busanev.events.BuildScheduled;
import com.busanev.events.IsoWeek;
import com.busanev.events.LineAvailability.WeekRoom;
import com.busanev.events.LineAvailability;
import com.busanev.events.Region;
import com.busanev.events.SailingScheduled;
import com.busanev.events.ShipmentArrived;
import com.busanev.events.ShipmentBooked;
import com.busanev.events.TransportMode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Delivery promises from the plant's availability and logistics' sailings (played as their real events): the same at
 * order entry and in a quote, stored on the order, then kept or missed as the chain reports the car.
 */
@QuarkusTest
class DeliveryPromiseTest {
    private static final ZoneId PLANT = ZoneId.of("Asia/Seoul");

    @Test
    void aPromiseAtEntryIsKeptOrMissedAsTheChainReportsTheCar() {
        IsoWeek next = IsoWeek.of(LocalDate.now(PLANT)).plusWeeks(1);
        IsoWeek second = next.plusWeeks(1);
        IsoWeek third = next.plusWeeks(2);
        // the cars of `second` reach the port by Tuesday of `third` (end of week + 1 day)
        Instant atPort = third.monday().atStartOfDay(PLANT).toInstant().plus(Duration.ofDays(1));
        Instant firstEta = atPort.plus(Duration.ofDays(15));
        // not the first ETA plus the window's slack (7 days): a window ending here proves the second sailing is known
        Instant secondEta = atPort.plus(Duration.ofDays(25));
        publish(new SailingScheduled(UUID.randomUUID(), "USLGB", TransportMode.RO_RO, atPort.plus(Duration.ofHours(1)),
                atPort.plus(Duration.ofHours(25)), firstEta, 6000, Instant.now()));
        publish(new SailingScheduled(UUID.randomUUID(), "USBAL", TransportMode.RO_RO, atPort.plus(Duration.ofDays(7)),
                atPort.plus(Duration.ofDays(8)), secondEta, 6000, Instant.now()));
        publish(new LineAvailability(Region.NA, List.of(new WeekRoom(next.toString(), 0), new WeekRoom(second.toString(), 2),
                new WeekRoom(third.toString(), 5)), 40, Instant.now()));

        // the promise model is read into memory every second, and the three events come on two topics and several
        // partitions: until both sailings and the line's room are in it
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> quote(1).then().statusCode(200)
                .body("promise.buildWeek", equalTo(second.toString()))
                .body("promise.deliveryFrom", equalTo(firstEta.toString()))
                .body("promise.deliveryTo", equalTo(secondEta.toString())));
        quote(1).then().body("region", equalTo("NA"))
                .body("basedOn", notNullValue());
        // three cars: the third only fits the week after, whose cars make only the later sailing
        quote(3).then().body("promise.buildWeek", equalTo(third.toString()))
                .body("promise.deliveryFrom", equalTo(secondEta.toString()));
        as(POLESTAR).body("{\"market\":\"US\",\"quantity\":0}").post("/api/v1/orders/quote").then().statusCode(400);
        as(POLESTAR).body("{\"market\":\"XX\"}").post("/api/v1/orders/quote").then().statusCode(400);

        JsonPath kept = placed();
        assertThat(kept.getString("promise.buildWeek")).isEqualTo(second.toString());
        assertThat(kept.getString("promise.deliveryFrom")).isEqualTo(firstEta.toString());
        assertThat(kept.getString("promise.deliveryTo")).isEqualTo(secondEta.toString());
        assertThat(kept.getString("estimate.status")).isEqualTo("UNKNOWN");
        JsonPath missed = placed();
        assertThat(missed.getString("promise.buildWeek")).as("the second car takes the week's last room")
                .isEqualTo(second.toString());
        // a batch walks on through the weeks the same way
        String batch = "{\"items\":[" + Fixtures.order(Fixtures.reference(), "US") + ","
                + Fixtures.order(Fixtures.reference(), "US") + "]}";
        as(POLESTAR).body(batch).post("/api/v1/orders/batch").then().statusCode(200)
                .body("items[0].promise.buildWeek", equalTo(third.toString()))
                .body("items[1].promise.deliveryFrom", equalTo(secondEta.toString()));

        UUID keptId = UUID.fromString(kept.getString("id"));
        as(VIEWER).get("/api/v1/orders/" + keptId).then().body("promise.buildWeek", equalTo(second.toString()));
        LocalDate day = second.monday().plusDays(1);
        publish(new BuildScheduled(keptId, "US", Region.NA, "LONG_RANGE_DUAL_MOTOR", day, second.toString(), Instant.now()));
        awaitEstimate(keptId, "ON_TRACK");
        publish(booked(keptId, firstEta));
        publish(new ShipmentArrived(keptId, UUID.randomUUID(), "USLGB", firstEta.plus(Duration.ofHours(3))));
        awaitEstimate(keptId, "KEPT");

        // the plant moves the other car by three weeks (a supply cut): the promise is late, then missed
        UUID missedId = UUID.fromString(missed.getString("id"));
        publish(new BuildScheduled(missedId, "US", Region.NA, "LONG_RANGE_DUAL_MOTOR", day, second.toString(), Instant.now()));
        publish(new BuildRescheduled(missedId, Region.NA, day, day.plusWeeks(3), second.plusWeeks(3).toString(),
                "fewer battery packs allocated", Instant.now()));
        awaitEstimate(missedId, "LATE");
        Instant late = secondEta.plus(Duration.ofDays(21));
        publish(booked(missedId, late));
        publish(new ShipmentArrived(missedId, UUID.randomUUID(), "USLGB", late));
        awaitEstimate(missedId, "MISSED");

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath kpi = as(VIEWER).get("/api/v1/orders/promises/kpi").then().statusCode(200).extract().jsonPath();
            assertThat(kpi.getInt("find { it.market == 'US' }.kept")).isGreaterThanOrEqualTo(1);
            assertThat(kpi.getInt("find { it.market == 'US' }.missed")).isGreaterThanOrEqualTo(1);
        });
    }

    private static Response quote(int quantity) {
        return as(POLESTAR).body("{\"market\":\"US\",\"quantity\":" + quantity + "}").post("/api/v1/orders/quote");
    }

    private static JsonPath placed() {
        return as(POLESTAR).body(Fixtures.order(Fixtures.reference(), "US")).post("/api/v1/orders")
                .then().statusCode(201).extract().jsonPath();
    }

    private static ShipmentBooked booked(UUID id, Instant eta) {
        return new ShipmentBooked(id, "KNMP4EV27TB" + id.toString().substring(0, 6), UUID.randomUUID(), "Glovis Sirius",
                TransportMode.RO_RO, null, "KRPUS", "USLGB", eta.minus(Duration.ofDays(14)), eta, Instant.now());
    }

    private static void awaitEstimate(UUID id, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(POLESTAR).get("/api/v1/orders/" + id)
                .then().body("estimate.status", equalTo(status)));
    }
}
