package com.busanev.production;

import static io.restassured.RestAssured.given;

import com.busanev.events.DomainEvent;
import com.busanev.events.EventJson;
import com.busanev.events.EventType;
import com.busanev.events.OrderPlaced;
import com.busanev.events.PacksReceived;
import com.busanev.events.Region;
import com.busanev.events.Roles;
import com.busanev.events.Topics;
import com.busanev.testing.CloudEventRecords;
import com.busanev.testing.KafkaResource;
import com.busanev.testing.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;

/** What the tests play: the plant's users with their tokens, the events of the other services, the calendar. */
final class Plant {
    static final String PLANNER = Tokens.user("planner").roles(Roles.PLANT_PLANNER).sign();
    static final String FLOOR = Tokens.user("floor").roles(Roles.PLANT_FLOOR).sign();
    static final String VIEWER = Tokens.user("viewer").roles(Roles.VIEWER).sign();
    static final ZoneId PLANT = ZoneId.of("Asia/Seoul");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Plant() {
    }

    /** Reads the calendar, applies {@code change}, puts it back on the version read; returns the calendar read. */
    static ObjectNode changeCalendar(Consumer<ObjectNode> change) throws IOException {
        var read = as(PLANNER).get("/api/v1/calendar").then().statusCode(200).extract();
        ObjectNode calendar = (ObjectNode) JSON.readTree(read.asString());
        ObjectNode original = calendar.deepCopy();
        change.accept(calendar);
        as(PLANNER).header("If-Match", read.header("ETag")).body(calendar.toString()).put("/api/v1/calendar")
                .then().statusCode(200);
        return original;
    }

    static UUID placed(String market, Region region, String week) {
        return placed(market, region, week, 0);
    }

    static UUID placed(String market, Region region, String week, int priority) {
        UUID id = UUID.randomUUID();
        publish(orderPlaced(id, market, region, week, priority));
        return id;
    }

    static OrderPlaced orderPlaced(UUID id, String market, Region region, String week, int priority) {
        return new OrderPlaced(id, "polestar", "REF-" + id, "POLESTAR_4", "LONG_RANGE_DUAL_MOTOR", List.of("PLUS"),
                "SNOW", market, region, week, priority, Instant.now());
    }

    static void publish(DomainEvent event) {
        KafkaResource.companion().produceStrings().fromRecords(CloudEventRecords.of(event)).awaitCompletion();
    }

    static void publish(DomainEvent event, String eventId) {
        KafkaResource.companion().produceStrings().fromRecords(CloudEventRecords.of(event, eventId)).awaitCompletion();
    }

    /** The serial of the pack the tests build into the order's car: one per order, so tests never share a pack. */
    static String packFor(UUID order) {
        return "P-" + order.toString().toUpperCase(Locale.ROOT);
    }

    /** supplier-service received these packs of {@code supplier}, allowed for {@code markets}. */
    static void received(String supplier, List<String> markets, List<String> serials) {
        publish(new PacksReceived(UUID.randomUUID(), UUID.randomUUID(), supplier, serials, markets, LocalDate.now(PLANT),
                Instant.now()));
    }

    /** The end-of-line report with the scanned pack. */
    static String report(String packSerial) {
        return "{\"defects\":2,\"co2Kg\":1400.0,\"batteryPackSerial\":\"" + packSerial + "\"}";
    }

    /** The first production event of the order of that type, or of any type when {@code type} is null. */
    static <T extends DomainEvent> T awaitEvent(UUID order, Class<T> type) {
        String ceType = type == null ? null : EventType.of(type).ceType();
        var record = CloudEventRecords.awaitFirst(Topics.PRODUCTION_EVENTS, order.toString(), ceType, Duration.ofSeconds(30));
        try {
            return type == null ? null : EventJson.mapper().readValue(record.value(), type);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
