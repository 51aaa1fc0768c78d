package com.busanev.order;

import static com.busanev.order.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.busanev.events.BuildScheduled;
import com.busanev.events.BuildStarted;
import com.busanev.events.DomainEvent;
import com.busanev.events.Region;
import com.busanev.events.Roles;
import com.busanev.events.ShipmentBooked;
import com.busanev.events.ShipmentDeparted;
import com.busanev.events.TransportMode;
import com.busanev.events.VehicleBuilt;
import com.busanev.kit.retention.RetentionPurge;
import com.busanev.testing.CloudEventRecords;
import com.busanev.testing.KafkaResource;
import com.busanev.testing.Tokens;
import com.busanev.testing.WebhookReceiver.Answer;
import com.busanev.testing.WebhookReceiver.Received;
import com.busanev.testing.WebhookReceiver;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Partner webhooks end to end: orders placed through the API and the chain's events on the real broker become signed
 * requests to a real HTTP receiver that fails, hangs and recovers. Each test has brands of its own, so what other
 * tests do never reaches its receiver paths.
 */
@QuarkusTest
class WebhookDeliveryTest {
    private static final UUID VOYAGE = UUID.randomUUID();
    private static final List<String> CHAIN = List.of("OrderPlaced", "BuildScheduled", "BuildStarted", "VehicleBuilt",
            "ShipmentBooked", "ShipmentDeparted");
    private static WebhookReceiver receiver;

    @Inject
    AgroalDataSource database;
    @Inject
    RetentionPurge purge;

    @BeforeAll
    static void startReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void everyEventArrivesSignedAndInOrderPerOrderThroughFailuresAndHangs() {
        String alpha = brand("wh-alpha");
        String beta = brand("wh-beta");
        String alphaHook = subscribe(alpha, "/alpha", CHAIN);
        subscribe(beta, "/beta", CHAIN);
        // alpha's endpoint fails, hangs past the request timeout, fails again, then recovers
        receiver.script("/alpha", Answer.status(500), Answer.status(503), Answer.hang(Duration.ofSeconds(3)),
                Answer.status(500));

        List<UUID> alphaOrders = List.of(place(alpha), place(alpha), place(alpha));
        UUID betaOrder = place(beta);
        alphaOrders.forEach(WebhookDeliveryTest::runChain);
        runChain(betaOrder);

        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            Map<String, List<String>> byOrder = typesByOrder("/alpha");
            for (UUID order : alphaOrders) {
                assertThat(byOrder.get(order.toString())).as("order %s", order).isEqualTo(CHAIN);
            }
            assertThat(typesByOrder("/beta").get(betaOrder.toString())).isEqualTo(CHAIN);
        });
        assertThat(receiver.received("/alpha")).allMatch(Received::signed, "signed with the subscription's secret");
        assertThat(receiver.received("/alpha")).anyMatch(r -> r.answered() >= 500);
        // isolation: neither receiver ever got the other brand's orders
        assertThat(receiver.received("/beta")).extracting(Received::subject).doesNotContainAnyElementsOf(
                alphaOrders.stream().map(UUID::toString).toList());
        assertThat(receiver.received("/alpha")).extracting(Received::subject).doesNotContain(betaOrder.toString());

        // the body is the event as a structured CloudEvent; the delivery log shows the failed attempts
        Received placed = receiver.accepted("/alpha").get(0);
        assertThat(placed.json().path("specversion").asText()).isEqualTo("1.0");
        assertThat(placed.json().path("id").asText()).isEqualTo(placed.id());
        assertThat(placed.json().path("data").path("brand").asText()).isEqualTo("wh-alpha");
        JsonPath log = as(alpha).get("/api/v1/webhooks/" + alphaHook + "/deliveries?size=100").then().statusCode(200)
                .extract().jsonPath();
        assertThat(log.getInt("totalItems")).isEqualTo(alphaOrders.size() * CHAIN.size());
        assertThat(log.getList("items.status", String.class)).containsOnly("DELIVERED");
        assertThat(log.getList("items.lastStatusCode", Integer.class)).containsOnly(200);
        assertThat(log.getList("items.attempts", Integer.class)).anyMatch(attempts -> attempts > 1);
    }

    @Test
    void redeliversOneEventAndATimeRange() {
        String gamma = brand("wh-gamma");
        String hook = subscribe(gamma, "/gamma", List.of("OrderPlaced", "BuildScheduled"));
        Instant before = Instant.now();
        UUID order = place(gamma);
        Instant now = Instant.now();
        publish(new BuildScheduled(order, "US", Region.NA, "LONG_RANGE_DUAL_MOTOR", LocalDate.of(2027, 3, 2), "2027-W09",
                now), now);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted("/gamma").size() == 2);
        String placedId = receiver.accepted("/gamma").get(0).id();
        String delivery = as(gamma).get("/api/v1/webhooks/" + hook + "/deliveries").then().statusCode(200)
                .extract().path("items.find { it.eventType == 'OrderPlaced' }.id");

        as(gamma).post("/api/v1/webhooks/" + hook + "/deliveries/" + delivery + "/redeliver").then().statusCode(202)
                .body("deliveries", equalTo(1));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received("/gamma").size() == 3);
        Received again = receiver.received("/gamma").get(2);
        assertThat(again.id()).isEqualTo(placedId);
        assertThat(again.signed()).isTrue();

        // the range holds both events; they come again in their order
        as(gamma).queryParam("from", before.minusSeconds(60).toString()).queryParam("to", Instant.now().plusSeconds(600).toString())
                .post("/api/v1/webhooks/" + hook + "/redeliver").then().statusCode(202).body("deliveries", equalTo(2));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received("/gamma").size() == 5);
        assertThat(receiver.received("/gamma").subList(3, 5)).extracting(Received::type)
                .containsExactly("com.busanev.OrderPlaced.v1", "com.busanev.BuildScheduled.v1");

        as(gamma).post("/api/v1/webhooks/" + hook + "/deliveries/" + UUID.randomUUID() + "/redeliver").then().statusCode(404);
        as(gamma).queryParam("from", "yesterday").post("/api/v1/webhooks/" + hook + "/redeliver").then().statusCode(400);
    }

    @Test
    void aSubscriptionFailingTooLongIsDisabledAndOnceEnabledAgainGetsWhatItMissedInOrder() {
        String delta = brand("wh-delta");
        String hook = subscribe(delta, "/delta", CHAIN);
        receiver.otherwise("/delta", Answer.status(500));
        UUID order = place(delta);

        // kit.webhooks.retry.give-up-after is 4 s in tests
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(delta).get("/api/v1/webhooks/" + hook)
                .then().body("enabled", equalTo(false)).body("disabledReason", startsWith("delivery of OrderPlaced")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received("/delta").stream()
                .anyMatch(r -> r.type().equals("webhook.subscription.disabled") && r.signed()));
        runChain(order);
        // recorded while disabled, sent only once enabled
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(delta)
                .get("/api/v1/webhooks/" + hook + "/deliveries?status=PENDING").then().body("totalItems", equalTo(CHAIN.size())));
        assertThat(receiver.accepted("/delta")).isEmpty();

        receiver.otherwise("/delta", Answer.status(204));
        as(delta).body("{\"enabled\":true}").patch("/api/v1/webhooks/" + hook).then().statusCode(200)
                .body("enabled", equalTo(true)).body("disabledReason", equalTo(null));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(typesByOrder("/delta").get(order.toString())).isEqualTo(CHAIN));
    }

    @Test
    void aDeliveryWhoseSenderDiedMidRequestIsSentAgainOnceItsLeaseEnds() throws SQLException {
        String epsilon = brand("wh-epsilon");
        String hook = subscribe(epsilon, "/epsilon", List.of("BuildStarted"));
        String eventId = UUID.randomUUID().toString();
        UUID delivery = UUID.randomUUID();
        // what a sender leaves behind when it dies after the claim: attempt 1 started, its lease (3 s in tests) running
        Fixtures.execute(database, """
                INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type, ordering_key, event_time, payload,
                    status, attempts, first_attempt_at, last_attempt_at, next_attempt_at)
                VALUES (?, ?, ?, 'BuildStarted', 'k', now(), ?, 'PENDING', 1, now(), now(), now() + interval '3 seconds')""",
                delivery, UUID.fromString(hook), eventId, "{\"id\":\"" + eventId + "\",\"type\":\"com.busanev.BuildStarted.v1\"}");

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted("/epsilon").size() == 1);
        assertThat(receiver.accepted("/epsilon").get(0).id()).isEqualTo(eventId);
        as(epsilon).get("/api/v1/webhooks/" + hook + "/deliveries").then()
                .body("items[0].status", equalTo("DELIVERED")).body("items[0].attempts", equalTo(2));
    }

    @Test
    void theDeliveryLogKeepsDeliveredEventsForItsRetentionAndPendingOnesUntilDelivered() throws SQLException {
        String kappa = brand("wh-kappa");
        String hook = subscribe(kappa, "/kappa", List.of("BuildStarted"));
        receiver.otherwise("/kappa", Answer.status(500));
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        UUID owed = UUID.randomUUID();
        String row = """
                INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type, ordering_key, event_time, payload,
                    status, attempts, delivered_at, next_attempt_at)
                VALUES (?, ?, ?, 'BuildStarted', ?, now() - cast(? as interval), '{}', ?, 1,
                    CASE WHEN ? = 'DELIVERED' THEN now() - cast(? as interval) END, now() + interval '1 day')""";
        Fixtures.execute(database, row, old, UUID.fromString(hook),
                old.toString(), "k1", "40 days", "DELIVERED", "DELIVERED", "31 days");
        Fixtures.execute(database, row, recent, UUID.fromString(hook),
                recent.toString(), "k2", "2 days", "DELIVERED", "DELIVERED", "29 days");
        Fixtures.execute(database, row, owed, UUID.fromString(hook),
                owed.toString(), "k3", "40 days", "PENDING", "PENDING", "0 days");

        purge.purge().await().atMost(Duration.ofSeconds(30));

        assertThat(as(kappa).get("/api/v1/webhooks/" + hook + "/deliveries?size=10").then().statusCode(200).extract()
                .jsonPath().getList("items.id", String.class))
                .as("kit.webhooks.delivery-log-retention is 30 days").containsExactlyInAnyOrder(recent.toString(), owed.toString());
    }

    @Test
    void aRotatedSecretSignsAlongsideThePreviousOneDuringTheGracePeriod() {
        String zeta = brand("wh-zeta");
        JsonPath created = as(zeta).body(subscription("/zeta", List.of("OrderPlaced"))).post("/api/v1/webhooks")
                .then().statusCode(201).extract().jsonPath();
        String hook = created.getString("id");
        String first = created.getString("secret");
        String second = as(zeta).post("/api/v1/webhooks/" + hook + "/secret/rotate").then().statusCode(200)
                .body("previousSecretExpiresAt", notNullValue()).extract().path("secret");
        assertThat(second).startsWith("whsec_").isNotEqualTo(first);
        as(zeta).get("/api/v1/webhooks/" + hook).then().body("secret", equalTo(null));
        receiver.trust("/zeta", second);

        place(zeta);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted("/zeta").size() == 1);
        Received request = receiver.accepted("/zeta").get(0);
        assertThat(request.signature().split(" ")).hasSize(2);
        assertThat(WebhookReceiver.signedWith(request, second)).isTrue();
        assertThat(WebhookReceiver.signedWith(request, first)).isTrue();
    }

    @Test
    void aMalformedOrUnsafeSubscriptionIsA400NamingTheField() {
        String eta = brand("wh-eta");
        badRequest(eta, "{\"url\":\"not a url\",\"eventTypes\":[\"OrderPlaced\"]}", "url");
        badRequest(eta, "{\"url\":\"ftp://partner.example/hook\",\"eventTypes\":[\"OrderPlaced\"]}", "url");
        badRequest(eta, "{\"eventTypes\":[\"OrderPlaced\"]}", "url");
        // SSRF: private, link-local (cloud metadata) and unspecified addresses are refused at registration
        badRequest(eta, "{\"url\":\"http://10.1.2.3/hook\",\"eventTypes\":[\"OrderPlaced\"]}", "url");
        badRequest(eta, "{\"url\":\"http://169.254.169.254/latest/meta-data\",\"eventTypes\":[\"OrderPlaced\"]}", "url");
        badRequest(eta, "{\"url\":\"http://[::1]:8080/hook\",\"eventTypes\":[\"OrderPlaced\"]}", "url");
        badRequest(eta, "{\"url\":\"" + receiver.url("/eta") + "\",\"eventTypes\":[\"OrderPlaced\",\"OrderShipped\"]}",
                "eventTypes[1]");
        badRequest(eta, "{\"url\":\"" + receiver.url("/eta") + "\",\"eventTypes\":[]}", "eventTypes");
        badRequest(eta, "{\"url\":\"" + receiver.url("/eta") + "\",\"eventTypes\":[\"SequenceFrozen\"]}", "eventTypes[0]");
        badRequest(eta, "{\"url\":\"" + receiver.url("/eta") + "\",\"eventTypes\":[\"OrderPlaced\"],\"secret\":\"x\"}", "secret");

        String hook = subscribe(eta, "/eta", List.of("OrderPlaced"));
        as(eta).body("{\"url\":\"http://192.168.1.20/hook\"}").patch("/api/v1/webhooks/" + hook).then().statusCode(400)
                .body("violations.field", hasItem("url"));
    }

    @Test
    void aBrandSeesAndManagesOnlyItsOwnSubscriptions() {
        String theta = brand("wh-theta");
        String iota = brand("wh-iota");
        String hook = subscribe(theta, "/theta", List.of("OrderPlaced"));
        as(iota).get("/api/v1/webhooks/" + hook).then().statusCode(404);
        as(iota).body("{\"enabled\":false}").patch("/api/v1/webhooks/" + hook).then().statusCode(404);
        as(iota).delete("/api/v1/webhooks/" + hook).then().statusCode(404);
        as(iota).get("/api/v1/webhooks").then().statusCode(200).body("totalItems", equalTo(0));
        as(Fixtures.VIEWER).get("/api/v1/webhooks/" + hook).then().statusCode(200).body("owner", equalTo("wh-theta"));
        as(Fixtures.VIEWER).body(subscription("/viewer", List.of("OrderPlaced"))).post("/api/v1/webhooks").then().statusCode(403);
        as(Tokens.user("floor").roles(Roles.PLANT_FLOOR).sign()).get("/api/v1/webhooks").then().statusCode(403);
        given().get("/api/v1/webhooks").then().statusCode(401);
        as(theta).get("/api/v1/webhooks/event-types").then().statusCode(200).body("$", hasItems("ShipmentDelayed", "ShipmentHeld"));
        as(theta).delete("/api/v1/webhooks/" + hook).then().statusCode(204);
        as(theta).get("/api/v1/webhooks/" + hook).then().statusCode(404);
    }

    @Test
    void theOpenApiDocumentDescribesEachPayloadTheSignatureAndTheOperations() {
        JsonPath openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        String body = "webhooks.ShipmentDelayed.post.requestBody.content.'application/cloudevents+json'.schema";
        assertThat(openApi.getString(body + ".properties.data.'$ref'")).isEqualTo("#/components/schemas/ShipmentDelayed");
        assertThat(openApi.getMap("components.schemas.ShipmentDelayed.properties")).containsKeys("orderId", "eta", "previousEta");
        assertThat(openApi.getList("webhooks.ShipmentDelayed.post.parameters.name", String.class))
                .containsExactly("webhook-id", "webhook-timestamp", "webhook-signature");
        assertThat(openApi.getMap("webhooks")).hasSize(19).containsKey("ShipmentHeld").doesNotContainKey("SequenceFrozen");
        assertThat(openApi.getString("paths.'/api/v1/webhooks'.post.operationId")).isEqualTo("createWebhookSubscription");
        assertThat(openApi.getMap("paths.'/api/v1/webhooks/{id}/deliveries'.get.responses")).containsKeys("200", "400", "401", "403", "404");
    }

    private static void badRequest(String token, String body, String field) {
        as(token).body(body).post("/api/v1/webhooks").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem(field));
    }

    private static String brand(String brand) {
        return Tokens.user(brand + "-oms").roles(Roles.BRAND_ORDERS).brand(brand).sign();
    }

    private static String subscription(String path, List<String> types) {
        return "{\"url\":\"" + receiver.url(path) + "\",\"eventTypes\":[" + types.stream().map(t -> "\"" + t + "\"")
                .collect(Collectors.joining(",")) + "]}";
    }

    /** Subscribes the brand's receiver path to the types; the receiver trusts the secret. Returns the id. */
    private static String subscribe(String token, String path, List<String> types) {
        JsonPath created = as(token).body(subscription(path, types)).post("/api/v1/webhooks").then().statusCode(201)
                .body("secret", startsWith("whsec_")).body("enabled", equalTo(true)).extract().jsonPath();
        receiver.trust(path, created.getString("secret"));
        return created.getString("id");
    }

    private static UUID place(String token) {
        return UUID.fromString(as(token).body(Fixtures.order(Fixtures.reference(), "US")).post("/api/v1/orders")
                .then().statusCode(201).extract().path("id"));
    }

    /** The plant's and the port's events of an order, in the order and with the times the chain gives them. */
    private static void runChain(UUID order) {
        Instant t = Instant.now();
        publish(new BuildScheduled(order, "US", Region.NA, "LONG_RANGE_DUAL_MOTOR", LocalDate.of(2027, 3, 2), "2027-W09", t), t);
        publish(new BuildStarted(order, LocalDate.of(2027, 3, 2), t.plusSeconds(1)), t.plusSeconds(1));
        publish(new VehicleBuilt(order, "polestar", "KNMP4EV27TB" + order.toString().substring(0, 6), "US", Region.NA,
                "LGES-2027W09-000001", "LGES", 0, 1450.0, t.plusSeconds(2)), t.plusSeconds(2));
        publish(new ShipmentBooked(order, "KNMP4EV27TB000123", VOYAGE, "Morning Calypso", TransportMode.RO_RO, null,
                "KRPUS", "USLGB", t.plusSeconds(3), t.plusSeconds(1_000_000), t.plusSeconds(3)), t.plusSeconds(3));
        publish(new ShipmentDeparted(order, VOYAGE, t.plusSeconds(4), t.plusSeconds(1_000_000)), t.plusSeconds(4));
    }

    /** As its producer's outbox relay publishes it: with the CloudEvents time of the event. */
    private static void publish(DomainEvent event, Instant time) {
        ProducerRecord<String, String> record = CloudEventRecords.of(event);
        record.headers().add("ce_time", time.toString().getBytes(StandardCharsets.UTF_8));
        KafkaResource.companion().produceStrings().fromRecords(record).awaitCompletion();
    }

    /** The event names each order's accepted requests carried, in the order they were accepted. */
    private static Map<String, List<String>> typesByOrder(String path) {
        return receiver.accepted(path).stream().filter(r -> !r.type().startsWith("webhook."))
                .collect(Collectors.groupingBy(Received::subject, Collectors.mapping(
                        r -> r.type().replace("com.busanev.", "").replace(".v1", ""), Collectors.toList())));
    }
}
