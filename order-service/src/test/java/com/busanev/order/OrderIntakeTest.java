package com.busanev.order;

import static com.busanev.order.Fixtures.POLESTAR;
import static com.busanev.order.Fixtures.as;
import static com.busanev.order.Fixtures.order;
import static com.busanev.order.Fixtures.reference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.busanev.events.EventJson;
import com.busanev.events.OrderPlaced;
import com.busanev.events.Region;
import com.busanev.events.Topics;
import com.busanev.testing.CloudEventRecords;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@QuarkusTest
@Order(1)
class OrderIntakeTest {

    @Test
    void placesAnOrderAndPublishesOrderPlacedWithTheSameTransaction() throws Exception {
        String reference = reference();
        String id = as(POLESTAR).body(order(reference, "US")).post("/api/v1/orders")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/orders/"))
                .body("status", equalTo("RECEIVED"))
                .body("brand", equalTo("polestar"))
                .body("region", equalTo("NA"))
                .body("model", equalTo("POLESTAR_4"))
                .body("timeline.event", hasItem("OrderPlaced"))
                .extract().path("id");

        ConsumerRecord<String, String> published = awaitEvent(Topics.ORDER_EVENTS, id);
        CloudEvent cloudEvent = CloudEventRecords.parse(published);
        assertThat(cloudEvent.getSpecVersion()).isEqualTo(SpecVersion.V1);
        assertThat(cloudEvent.getType()).isEqualTo("com.busanev.OrderPlaced.v1");
        assertThat(cloudEvent.getSource()).hasToString("/order-service");
        assertThat(cloudEvent.getSubject()).isEqualTo(id);
        assertThat(cloudEvent.getId()).isNotBlank();
        assertThat(cloudEvent.getTime()).isNotNull();
        assertThat(cloudEvent.getDataContentType()).isEqualTo("application/json");
        OrderPlaced event = EventJson.mapper().readValue(cloudEvent.getData().toBytes(), OrderPlaced.class);
        assertThat(event.orderId()).isEqualTo(UUID.fromString(id));
        assertThat(event.brandReference()).isEqualTo(reference);
        assertThat(event.region()).isEqualTo(Region.NA);
        assertThat(event.optionPacks()).containsExactly("PLUS", "PILOT");
        assertThat(event.exteriorColour()).isEqualTo("SNOW");
    }

    @Test
    void reportsEveryViolationAtOnce() {
        as(POLESTAR).body("""
                {"brandReference":"","variant":"LONG_RANGE_SINGLE_MOTOR","exteriorColour":"SNOW",
                 "optionPacks":["PERFORMANCE"],"wheels":"PERFORMANCE_22","market":"GB","requestedWeek":"2020-W01",
                 "priority":12}""")
                .post("/api/v1/orders")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("brandReference", "interior", "market", "optionPacks",
                        "priority", "requestedWeek"))
                .body("violations.find { it.field == 'optionPacks' }.message", containsString("Dual Motor"))
                .body("violations.find { it.field == 'requestedWeek' }.message", containsString("past"));
    }

    @Test
    void unreadableBodiesAreProblemsNotServerErrors() {
        as(POLESTAR).body("{\"brandReference\":").post("/api/v1/orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
        as(POLESTAR).body(order(reference(), "US").replace("SNOW", "PINK")).post("/api/v1/orders")
                .then().statusCode(400).body("violations[0].field", equalTo("exteriorColour"));
        as(POLESTAR).post("/api/v1/orders").then().statusCode(400);
    }

    @Test
    void anUnknownFieldIsRefusedNotDropped() {
        // A typo must not place an order without its packs.
        String typo = order(reference(), "US").replace("\"optionPacks\"", "\"optionPack\"");
        as(POLESTAR).body(typo).post("/api/v1/orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("optionPack"))
                .body("violations[0].message", containsString("not a known field"));
        as(POLESTAR).body("{\"items\":[" + typo + "]}").post("/api/v1/orders/batch")
                .then().statusCode(200)
                .body("placed", equalTo(0))
                .body("items[0].status", equalTo(400))
                .body("items[0].problem.violations[0].field", equalTo("optionPack"))
                .body("items[0].problem.violations[0].message", containsString("not a known field"));
    }

    @Test
    void aValueOfTheWrongJsonTypeNamesItsField() {
        as(POLESTAR).body(order(reference(), "US").replace("}", ",\"priority\":\"high\"}")).post("/api/v1/orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("priority"));
    }

    @Test
    void theBrandReferenceIsUniquePerBrand() {
        String reference = reference();
        String first = as(POLESTAR).body(order(reference, "DE")).post("/api/v1/orders").then().statusCode(201)
                .extract().path("id");
        as(POLESTAR).body(order(reference, "FR")).post("/api/v1/orders")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(reference))
                .body("detail", containsString(first));
        as(Fixtures.OTHER_BRAND).body(order(reference, "FR")).post("/api/v1/orders").then().statusCode(201);
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstResultAndRefusesAnotherBody() {
        String key = UUID.randomUUID().toString();
        String body = order(reference(), "CA");
        String first = as(POLESTAR).header("Idempotency-Key", key).body(body).post("/api/v1/orders")
                .then().statusCode(201).header("Idempotency-Replayed", "false").extract().path("id");
        as(POLESTAR).header("Idempotency-Key", key).body(body).post("/api/v1/orders")
                .then().statusCode(201).header("Idempotency-Replayed", "true").body("id", equalTo(first));
        as(POLESTAR).header("Idempotency-Key", key).body(order(reference(), "CA")).post("/api/v1/orders")
                .then().statusCode(422).contentType("application/problem+json");
        as(POLESTAR).queryParam("reference", extractReference(body)).get("/api/v1/orders").then()
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(first));
    }

    @Test
    void aBatchPlacesEachValidItemAndExplainsEachRejectedOne() {
        String taken = reference();
        String takenBy = as(POLESTAR).body(order(taken, "DE")).post("/api/v1/orders").then().statusCode(201)
                .extract().path("id");
        String duplicate = reference();
        String body = "{\"items\":[" + String.join(",",
                order(reference(), "US"),
                order(duplicate, "SE"),
                order(reference(), "GB"),
                order(duplicate, "NL"),
                order(reference(), "KR"),
                order(reference(), "FR").replace("SNOW", "PINK"),
                order(taken, "FR"),
                "42") + "]}";
        List<String> ids = as(POLESTAR).body(body).post("/api/v1/orders/batch")
                .then().statusCode(200)
                .body("placed", equalTo(3))
                .body("rejected", equalTo(5))
                .body("items.index", equalTo(List.of(0, 1, 2, 3, 4, 5, 6, 7)))
                .body("items.status", equalTo(List.of(201, 201, 400, 409, 201, 400, 409, 400)))
                .body("items[2].problem.violations[0].field", equalTo("market"))
                .body("items[3].problem.status", equalTo(409))
                .body("items[3].problem.detail", containsString("item 1"))
                .body("items[5].problem.violations[0].field", equalTo("exteriorColour"))
                .body("items[6].problem.detail", containsString(takenBy))
                .extract().path("items.findAll { it.status == 201 }.orderId");
        assertThat(ids).hasSize(3).doesNotContainNull();
        ids.forEach(id -> as(POLESTAR).get("/api/v1/orders/" + id).then().statusCode(200).body("status", equalTo("RECEIVED")));
        awaitEvent(Topics.ORDER_EVENTS, ids.get(2), "com.busanev.OrderPlaced.v1");
    }

    @Test
    void aBatchReplayedWithItsIdempotencyKeyReturnsTheFirstPerItemResults() {
        String key = UUID.randomUUID().toString();
        String taken = reference();
        as(POLESTAR).body(order(taken, "US")).post("/api/v1/orders").then().statusCode(201);
        String body = "{\"items\":[" + String.join(",", order(reference(), "SE"), order(taken, "SE"),
                order(reference(), "GB")) + "]}";
        String first = as(POLESTAR).header("Idempotency-Key", key).body(body).post("/api/v1/orders/batch")
                .then().statusCode(200).header("Idempotency-Replayed", "false")
                .body("items.status", equalTo(List.of(201, 409, 400)))
                .extract().asString();
        String again = as(POLESTAR).header("Idempotency-Key", key).body(body).post("/api/v1/orders/batch")
                .then().statusCode(200).header("Idempotency-Replayed", "true")
                .extract().asString();
        // The same per-item results, the same order id: the first item was placed once, not twice.
        assertThat(io.restassured.path.json.JsonPath.from(again).getList("items"))
                .isEqualTo(io.restassured.path.json.JsonPath.from(first).getList("items"));
        String placed = io.restassured.path.json.JsonPath.from(first).getString("items[0].brandReference");
        as(POLESTAR).queryParam("reference", placed).get("/api/v1/orders").then().body("totalItems", equalTo(1));
        as(POLESTAR).header("Idempotency-Key", key).body("{\"items\":[" + order(reference(), "SE") + "]}")
                .post("/api/v1/orders/batch").then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void aBatchIsLimitedTo1000Items() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            items.add(order("R" + i, "US"));
        }
        as(POLESTAR).body("{\"items\":[" + String.join(",", items) + "]}").post("/api/v1/orders/batch")
                .then().statusCode(400).body("violations[0].field", equalTo("items"));
        as(POLESTAR).body("{\"items\":[]}").post("/api/v1/orders/batch").then().statusCode(400);
    }

    @Test
    void listsPageAndFilter() {
        String market = "PT";
        for (int i = 0; i < 3; i++) {
            Fixtures.place(market);
        }
        as(POLESTAR).queryParam("market", market).queryParam("size", 2).get("/api/v1/orders")
                .then().statusCode(200)
                .body("items", hasSize(2))
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2))
                .body("items.market", everyItem(market));
        as(POLESTAR).queryParam("market", market).queryParam("size", 2).queryParam("page", 1).get("/api/v1/orders")
                .then().body("items", hasSize(1));
        as(POLESTAR).queryParam("market", market).queryParam("status", "ARRIVED").get("/api/v1/orders")
                .then().body("totalItems", equalTo(0));
        as(POLESTAR).queryParam("market", market).queryParam("createdTo", "2000-01-01T00:00:00Z").get("/api/v1/orders")
                .then().body("totalItems", equalTo(0));
        as(POLESTAR).queryParam("market", market).queryParam("createdFrom", "2000-01-01T00:00:00Z").get("/api/v1/orders")
                .then().body("totalItems", equalTo(3));
        as(POLESTAR).queryParam("size", 501).get("/api/v1/orders").then().statusCode(400);
        as(POLESTAR).queryParam("status", "LOST").get("/api/v1/orders").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("RECEIVED"));
        as(POLESTAR).queryParam("createdFrom", "yesterday").get("/api/v1/orders").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("createdFrom"));
    }

    @Test
    void aPageThatCannotBeUsedIsAProblemNotA404() {
        as(POLESTAR).queryParam("page", "abc").get("/api/v1/orders").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("page"));
        as(POLESTAR).queryParam("page", 2_000_000).get("/api/v1/orders").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("page"));
        as(POLESTAR).queryParam("page", 1_000_000).get("/api/v1/orders").then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void aCancelIsARequestTheOrderRecordsOnce() {
        String id = Fixtures.place("IT");
        as(POLESTAR).body("{\"reason\":\"customer changed mind\"}").post("/api/v1/orders/" + id + "/cancel")
                .then().statusCode(202)
                .body("status", equalTo("RECEIVED"))
                .body("cancellation.status", equalTo("REQUESTED"))
                .body("cancellation.reason", equalTo("customer changed mind"))
                .body("cancellation.requestedAt", notNullValue())
                .body("timeline.event", hasItem("OrderCancelRequested"));
        // Asked again while the plant decides: the same answer, no second request.
        as(POLESTAR).post("/api/v1/orders/" + id + "/cancel").then().statusCode(202)
                .body("cancellation.status", equalTo("REQUESTED"))
                .body("cancellation.reason", equalTo("customer changed mind"))
                .body("timeline.findAll { it.event == 'OrderCancelRequested' }", hasSize(1));
        awaitEvent(Topics.ORDER_EVENTS, id, "com.busanev.OrderCancelRequested.v1");
        assertThat(CloudEventRecords.all(Topics.ORDER_EVENTS, id, Duration.ofSeconds(3)))
                .filteredOn(r -> CloudEventRecords.header(r, "ce_type").orElseThrow().contains("Cancel"))
                .hasSize(1);
    }

    private static String extractReference(String orderJson) {
        return io.restassured.path.json.JsonPath.from(orderJson).getString("brandReference");
    }

    static org.hamcrest.Matcher<Iterable<? extends String>> everyItem(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }

    static ConsumerRecord<String, String> awaitEvent(String topic, String key) {
        return awaitEvent(topic, key, null);
    }

    static ConsumerRecord<String, String> awaitEvent(String topic, String key, String ceType) {
        return CloudEventRecords.awaitFirst(topic, key, ceType, Duration.ofSeconds(30));
    }
}
