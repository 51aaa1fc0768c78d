package com.busanev.production;

import static com.busanev.production.Plant.FLOOR;
import static com.busanev.production.Plant.PLANT;
import static com.busanev.production.Plant.as;
import static com.busanev.production.Plant.awaitEvent;
import static com.busanev.production.Plant.packFor;
import static com.busanev.production.Plant.placed;
import static com.busanev.production.Plant.publish;
import static com.busanev.production.Plant.received;
import static com.busanev.production.Plant.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.busanev.events.BuildScheduled;
import com.busanev.events.IsoWeek;
import com.busanev.events.PackSource;
import com.busanev.events.PacksAllocated;
import com.busanev.events.Region;
import com.busanev.events.VehicleBuilt;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The floor's scan: only a received pack, in no other car, that the car's market allows, is built in. */
@QuarkusTest
class PackScanTest {
    @Test
    void aScannedPackMustBeReceivedUnusedAndAllowedForTheCarsMarket() {
        IsoWeek week = IsoWeek.of(LocalDate.now(PLANT)).plusWeeks(13); // a week of its own
        publish(new PacksAllocated(week.toString(), Region.NA, 2, List.of(new PackSource(UUID.randomUUID(), "LGES", 2)),
                Instant.now()));
        UUID us = placed("US", Region.NA, week.toString());
        UUID ca = placed("CA", Region.NA, week.toString());
        awaitEvent(us, BuildScheduled.class);
        awaitEvent(ca, BuildScheduled.class);
        as(FLOOR).post("/api/v1/builds/" + us + "/start").then().statusCode(200);
        as(FLOOR).post("/api/v1/builds/" + ca + "/start").then().statusCode(200);
        String korean = packFor(us);
        String chinese = packFor(ca);
        received("LGES", List.of("CA", "KR", "US"), List.of(korean));
        received("CATL", List.of("CA", "KR"), List.of(chinese)); // Chinese cells: not for a US-bound car

        as(FLOOR).body(report("NOPE-000001")).post("/api/v1/builds/" + us + "/complete").then().statusCode(409)
                .body("detail", allOf(containsString("NOPE-000001"), containsString("not a received pack")));
        completing(us, chinese).then().statusCode(409)
                .body("detail", allOf(containsString(chinese), containsString("may not go into a car for US")));
        as(FLOOR).get("/api/v1/builds/" + us).then().body("status", equalTo("IN_PRODUCTION"));

        completing(us, korean).then().statusCode(200).body("batteryPackSerial", equalTo(korean))
                .body("batterySupplier", equalTo("LGES"));
        as(FLOOR).body(report(korean)).post("/api/v1/builds/" + ca + "/complete").then().statusCode(409)
                .body("detail", allOf(containsString(korean), containsString("already built into the car of order " + us)));
        // the same completion sent again answers the car as built
        as(FLOOR).body(report(korean)).post("/api/v1/builds/" + us + "/complete").then().statusCode(200)
                .body("batteryPackSerial", equalTo(korean));

        completing(ca, chinese).then().statusCode(200).body("batterySupplier", equalTo("CATL"));
        VehicleBuilt built = awaitEvent(ca, VehicleBuilt.class);
        assertThat(built.batteryPackSerial()).isEqualTo(chinese);
        assertThat(built.batterySupplier()).isEqualTo("CATL");
    }

    /** The completion once the pack's receipt reached the floor (a scan refused for that reason changes nothing). */
    private static Response completing(UUID order, String pack) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> as(FLOOR).body(report(pack))
                .post("/api/v1/builds/" + order + "/complete"), r -> !r.body().asString().contains("not a received pack"));
    }
}
