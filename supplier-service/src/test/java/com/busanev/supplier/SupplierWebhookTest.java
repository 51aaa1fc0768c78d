package com.busanev.supplier;

import static com.busanev.supplier.SupplierApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.busanev.events.DomainEvent;
import com.busanev.events.PackSource;
import com.busanev.events.PacksAllocated;
import com.busanev.events.Region;
import com.busanev.events.Roles;
import com.busanev.events.ShortageAlert;
import com.busanev.testing.CloudEventRecords;
import com.busanev.testing.KafkaResource;
import com.busanev.testing.Tokens;
import com.busanev.testing.WebhookReceiver.Received;
import com.busanev.testing.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Suppliers' webhooks: each supplier gets the supply events that concern it, and only its own share of them. */
@QuarkusTest
class SupplierWebhookTest {
    private static final String LGES = Tokens.user("lges-portal").roles(Roles.BATTERY_SUPPLIER).supplier("LGES").sign();
    private static final String SKON = Tokens.user("skon-portal").roles(Roles.BATTERY_SUPPLIER).supplier("SKON").sign();
    private static final String SDI = Tokens.user("sdi-portal").roles(Roles.BATTERY_SUPPLIER).supplier("SDI").sign();
    /** A week no other test plans, so the receivers' requests about it are this test's. */
    private static final String WEEK = "2031-W01";
    private static WebhookReceiver receiver;

    @BeforeAll
    static void startReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void eachSupplierGetsItsOwnShareOfAnAllocationAndTheAlertsWhileItHoldsAContract() {
        subscribe(LGES, "/lges", "PacksAllocated");
        subscribe(SKON, "/skon", "PacksAllocated");
        subscribe(SDI, "/sdi", "PacksAllocated", "ShortageAlert");
        SupplierApi.contract("SDI", "ACTIVE", "2030-01-01", "2035-12-31", "100", "95.00", "USD", "KR", "null");
        UUID lgesContract = UUID.randomUUID();
        UUID skonContract = UUID.randomUUID();
        Instant t = Instant.now();
        publish(new PacksAllocated(WEEK, Region.NA, 100, List.of(new PackSource(lgesContract, "LGES", 60),
                new PackSource(skonContract, "SKON", 40)), t), t);
        UUID alert = UUID.randomUUID();
        publish(new ShortageAlert(alert, WEEK, Region.NA, 120, 100, 20, "HIGH", null, t.plusSeconds(1)), t.plusSeconds(1));

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(types("/lges")).containsExactly("PacksAllocated");
            assertThat(types("/skon")).containsExactly("PacksAllocated");
            // SDI has no share of the allocation, but an active contract: the alert concerns it
            assertThat(types("/sdi")).containsExactly("ShortageAlert");
        });
        assertThat(ofWeek("/lges").get(0).json().path("data").path("sources").findValuesAsText("supplier"))
                .containsExactly("LGES");
        assertThat(ofWeek("/skon").get(0).json().path("data").path("sources").findValuesAsText("supplier"))
                .containsExactly("SKON");
        assertThat(ofWeek("/lges").get(0).json().path("data").path("packs").asInt()).isEqualTo(100);
        assertThat(ofWeek("/sdi").get(0).json().path("data").path("alertId").asText()).isEqualTo(alert.toString());
        assertThat(receiver.received("/lges")).allMatch(Received::signed);
    }

    @Test
    void aSupplierManagesOnlyItsOwnSubscriptionsAndProcurementReadsThemAll() {
        String hook = subscribe(SKON, "/skon-own", "ShortageAlert");
        as(LGES).get("/api/v1/webhooks/" + hook).then().statusCode(404);
        as(LGES).body("{\"enabled\":false}").patch("/api/v1/webhooks/" + hook).then().statusCode(404);
        as(SupplierApi.PROCUREMENT).get("/api/v1/webhooks/" + hook).then().statusCode(200).body("owner", equalTo("SKON"));
        as(SupplierApi.PROCUREMENT).body(subscription("/procurement", "ShortageAlert")).post("/api/v1/webhooks")
                .then().statusCode(403);
        as(SKON).body(subscription("/skon-own", "OrderPlaced")).post("/api/v1/webhooks").then().statusCode(400)
                .body("violations.field", hasItem("eventTypes[0]"));
        as(SKON).get("/api/v1/webhooks/event-types").then().body("$", equalTo(List.of("DeliveryScheduleIssued", "PacksAllocated", "ShortageAlert")));
    }

    private static String subscription(String path, String... types) {
        return "{\"url\":\"" + receiver.url(path) + "\",\"eventTypes\":[" + List.of(types).stream()
                .map(type -> "\"" + type + "\"").collect(Collectors.joining(",")) + "]}";
    }

    private static String subscribe(String token, String path, String... types) {
        JsonPath created = as(token).body(subscription(path, types)).post("/api/v1/webhooks").then().statusCode(201)
                .extract().jsonPath();
        receiver.trust(path, created.getString("secret"));
        return created.getString("id");
    }

    /** The path's accepted requests about this test's week. */
    private static List<Received> ofWeek(String path) {
        return receiver.accepted(path).stream().filter(r -> r.subject().startsWith(WEEK)).toList();
    }

    private static List<String> types(String path) {
        return ofWeek(path).stream().map(r -> r.type().replace("com.busanev.", "").replace(".v1", "")).toList();
    }

    /** As the outbox relay publishes it, with its CloudEvents time. */
    private static void publish(DomainEvent event, Instant time) {
        ProducerRecord<String, String> record = CloudEventRecords.of(event);
        record.headers().add("ce_time", time.toString().getBytes(StandardCharsets.UTF_8));
        KafkaResource.companion().produceStrings().fromRecords(record).awaitCompletion();
    }
}
