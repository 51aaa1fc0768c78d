package com.busanev.order;

import static com.busanev.order.Fixtures.OTHER_BRAND;
import static com.busanev.order.Fixtures.POLESTAR;
import static com.busanev.order.Fixtures.VIEWER;
import static com.busanev.order.Fixtures.as;
import static com.busanev.order.Fixtures.awaitStatus;
import static com.busanev.order.Fixtures.orderEvent;
import static com.busanev.order.Fixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import com.busanev.events.BuildChangeRefused;
import com.busanev.events.BuildChanged;
import com.busanev.events.BuildRescheduled;
import com.busanev.events.BuildScheduled;
import com.busanev.events.BuildStarted;
import com.busanev.events.Markets;
import com.busanev.events.OrderChangeRefused;
import com.busanev.events.OrderChangeRequested;
import com.busanev.events.OrderChanged;
import com.busanev.events.Region;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Order changes: checked here, decided by the plant (its answers are played as real records on the real broker). */
@QuarkusTest
class OrderChangeTest {
    private static final LocalDate DAY = LocalDate.of(2027, 3, 2);

    @Test
    void anAppliedChangeKeepingTheSlotGivesTheOrderItsNewSpecification() {
        UUID id = scheduled("US");
        String key = UUID.randomUUID().toString();
        String body = "{\"exteriorColour\":\"MIDNIGHT\",\"optionPacks\":[\"PLUS\"],\"market\":\"CA\"}";
        String changeId = as(POLESTAR).header("Idempotency-Key", key).body(body).post(changes(id))
                .then().statusCode(202).body("status", equalTo("REQUESTED")).body("market", equalTo("CA"))
                .body("interior", equalTo("CHARCOAL_TAILORED_KNIT")).extract().path("id");
        as(POLESTAR).header("Idempotency-Key", key).body(body).post(changes(id)).then().statusCode(202)
                .header("Idempotency-Replayed", "true").body("id", equalTo(changeId));
        as(POLESTAR).body("{\"interior\":\"ZINC_NAPPA_LEATHER\"}").post(changes(id)).then().statusCode(409)
                .body("detail", containsString("still waiting"));

        OrderChangeRequested requested = orderEvent(id, OrderChangeRequested.class);
        assertThat(requested.changeId()).isEqualTo(UUID.fromString(changeId));
        assertThat(requested.optionPacks()).containsExactly("PLUS");
        assertThat(requested.wheels()).as("the whole specification travels").isEqualTo("ALLOY_21");
        as(POLESTAR).get("/api/v1/orders/" + id).then().body("market", equalTo("US"))
                .body("timeline.event", hasItems("OrderChangeRequested"));

        publish(new BuildChanged(id, requested.changeId(), "CA", Region.NA, "MIDNIGHT", List.of("PLUS"), DAY, "2027-W09",
                true, Instant.now()));
        awaitChange(id, "APPLIED");
        as(POLESTAR).get("/api/v1/orders/" + id).then().body("market", equalTo("CA"))
                .body("exteriorColour", equalTo("MIDNIGHT")).body("optionPacks", contains("PLUS"))
                .body("plannedDate", equalTo(DAY.toString()))
                .body("timeline.event", hasItems("OrderChangeRequested", "BuildChanged", "OrderChanged"));
        as(POLESTAR).get(changes(id)).then().body("[0].slotKept", equalTo(true))
                .body("[0].detail", containsString("keeps its day"));
        assertThat(orderEvent(id, OrderChanged.class).market()).isEqualTo("CA");
    }

    @Test
    void aReplannedChangeMovesThePlannedDateAndARefusedOneChangesNothing() {
        UUID id = scheduled("DE");
        String first = as(POLESTAR).body("{\"optionPacks\":[]}").post(changes(id)).then().statusCode(202)
                .extract().path("id");
        LocalDate later = DAY.plusDays(1);
        publish(new BuildRescheduled(id, Region.EU, DAY, later, "2027-W09", "order change " + first + ": no room",
                Instant.now()));
        publish(new BuildChanged(id, UUID.fromString(first), "DE", Region.EU, "SNOW", List.of(), later, "2027-W09",
                false, Instant.now()));
        awaitChange(id, "APPLIED");
        as(POLESTAR).get("/api/v1/orders/" + id).then().body("plannedDate", equalTo(later.toString()))
                .body("optionPacks", hasSize(0));

        String second = as(POLESTAR).body("{\"market\":\"FR\"}").post(changes(id)).then().statusCode(202)
                .extract().path("id");
        publish(new BuildChangeRefused(id, UUID.fromString(second), "past the freeze point: the build is planned for "
                + later, Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(POLESTAR).get(changes(id)).then()
                .body("status", contains("APPLIED", "REFUSED")).body("[1].detail", containsString("freeze point")));
        as(POLESTAR).get("/api/v1/orders/" + id).then().body("market", equalTo("DE"))
                .body("timeline.event", hasItems("OrderChangeRefused"));
        assertThat(orderEvent(id, OrderChangeRefused.class).reason()).contains("freeze point");
    }

    @Test
    void whatOrderServiceKnowsIsCheckedAtOnce() {
        UUID id = UUID.fromString(Fixtures.place("US"));
        as(POLESTAR).body("{\"market\":\"CA\"}").post(changes(UUID.randomUUID())).then().statusCode(404);
        as(OTHER_BRAND).body("{\"market\":\"CA\"}").post(changes(id)).then().statusCode(404);
        as(VIEWER).body("{\"market\":\"CA\"}").post(changes(id)).then().statusCode(403);
        as(POLESTAR).body("{}").post(changes(id)).then().statusCode(400).contentType("application/problem+json");
        as(POLESTAR).body("{\"market\":\"DE\"}").post(changes(id)).then().statusCode(400)
                .body("violations.field", contains("market"));
        as(POLESTAR).body("{\"wheels\":\"PERFORMANCE_22\"}").post(changes(id)).then().statusCode(400)
                .body("violations.field", contains("wheels"));
        as(POLESTAR).body("{\"exteriorColour\":\"PINK\"}").post(changes(id)).then().statusCode(400);
        as(POLESTAR).body("{\"market\":\"US\"}").post(changes(id)).then().statusCode(400)
                .body("violations[0].message", containsString("changes nothing"));

        publish(new BuildStarted(id, DAY, Instant.now()));
        awaitStatus(id, "IN_PRODUCTION");
        as(POLESTAR).body("{\"market\":\"CA\"}").post(changes(id)).then().statusCode(409)
                .body("detail", containsString("IN_PRODUCTION"));

        UUID cancelled = UUID.fromString(Fixtures.place("US"));
        as(POLESTAR).post("/api/v1/orders/" + cancelled + "/cancel").then().statusCode(202);
        as(POLESTAR).body("{\"market\":\"CA\"}").post(changes(cancelled)).then().statusCode(409);
        as(VIEWER).get(changes(cancelled)).then().statusCode(200).body("", hasSize(0));
    }

    private static UUID scheduled(String market) {
        UUID id = UUID.fromString(Fixtures.place(market));
        Region region = Markets.regionOf(market).orElseThrow();
        publish(new BuildScheduled(id, market, region, "LONG_RANGE_DUAL_MOTOR", DAY, "2027-W09", Instant.now()));
        awaitStatus(id, "SCHEDULED");
        return id;
    }

    private static void awaitChange(UUID id, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(POLESTAR).get(changes(id)).then().body("status", hasItems(status)));
    }

    private static String changes(UUID id) {
        return "/api/v1/orders/" + id + "/changes";
    }
}
