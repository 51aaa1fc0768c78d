package com.busanev.logistics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.busanev.events.BatteryPassportIssued;
import com.busanev.events.DomainEvent;
import com.busanev.events.EventJson;
import com.busanev.events.EventType;
import com.busanev.events.Markets;
import com.busanev.events.Region;
import com.busanev.events.Roles;
import com.busanev.events.Topics;
import com.busanev.events.VehicleBuilt;
import com.busanev.testing.CloudEventRecords;
import com.busanev.testing.KafkaResource;
import com.busanev.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the tests of this module share: tokens, voyages, built cars and the events they lead to. The tests share
 * one service too, and a waiting car is offered every voyage of its region: each test builds its cars and adds
 * its voyages in its own window of time (cars built days ahead), so that no test's voyage takes another's cars.
 * The passport duty applies in the tests ({@code %test.logistics.passport.required-from}): a European car of
 * {@link #built} gets its complete battery passport before it is built.
 */
final class Fixtures {
    static final String OPERATOR = Tokens.user("ops").roles(Roles.LOGISTICS_OPERATOR).sign();
    static final String VIEWER = Tokens.user("viewer").roles(Roles.VIEWER).sign();
    static final String POLESTAR = Tokens.user("buyer").roles(Roles.BRAND_ORDERS).brand("polestar").sign();
    private static final AtomicInteger SERIAL = new AtomicInteger(100_000);

    private Fixtures() {
    }

    static String voyage(String code, String mode, String port, Instant departure, String capacity) {
        return as(OPERATOR).body(voyageBody(code, mode, port, departure, 14, capacity)).post("/api/v1/voyages")
                .then().statusCode(201).extract().path("id");
    }

    static String voyageBody(String code, String mode, String port, Instant departure, String capacity) {
        return voyageBody(code, mode, port, departure, 14, capacity);
    }

    static String voyageBody(String code, String mode, String port, Instant departure, int transitDays, String capacity) {
        return """
                {"code":"%s","vessel":"Test Carrier","mode":"%s","destinationPort":"%s","departure":"%s",
                 "transitDays":%d,%s}""".formatted(code, mode, port, departure, transitDays, capacity);
    }

    static String at(Instant at) {
        return "{\"at\":\"" + at + "\"}";
    }

    /** Now, to the millisecond, so that it reads back from the database unchanged. */
    static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    static UUID built(String market) {
        return built(market, now());
    }

    static UUID built(String market, Instant builtAt) {
        VehicleBuilt car = vehicle(market, Markets.regionOf(market).orElseThrow(), builtAt);
        if (car.region() == Region.EU) {
            publishRecorded(passport(car, 1));
        }
        publish(car);
        return car.orderId();
    }

    static VehicleBuilt vehicle(String market, Region region, Instant builtAt) {
        return new VehicleBuilt(UUID.randomUUID(), "polestar", "KNMP4DEV0VB" + SERIAL.incrementAndGet(), market,
                region, "LGES-202709-000001", "LGES", 0, 1400, builtAt);
    }

    /** The battery passport of the car's pack; complete when nothing is missing. */
    static BatteryPassportIssued passport(VehicleBuilt car, int version, String... missing) {
        return new BatteryPassportIssued(car.orderId(), car.vin(), car.market(), car.batteryPackSerial(),
                "https://passport.example/packs/" + car.vin(), version, missing.length == 0, List.of(missing), now());
    }

    /**
     * Publishes a passport and waits until logistics-service recorded it (its version or a newer one). Read from the
     * service's database: a passport that came before its car shows nowhere else, and the passport and the car come
     * on different topics, so only this makes "passport first" certain.
     */
    static void publishRecorded(BatteryPassportIssued passport) {
        publish(passport);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> recordedPassportVersion(passport.orderId()) >= passport.version());
    }

    /** The version of the order's passport logistics-service keeps; 0 when it has none. */
    static int recordedPassportVersion(UUID order) throws SQLException {
        try (Connection connection = database();
                PreparedStatement query = connection.prepareStatement("SELECT version FROM battery_passport WHERE order_id = ?")) {
            query.setObject(1, order);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        }
    }

    /** A connection of the test's own to the service's database, as an operator would open one. */
    static Connection database() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    static void publish(DomainEvent event) {
        send(CloudEventRecords.of(event));
    }

    static void send(ProducerRecord<String, String> record) {
        KafkaResource.companion().produceStrings().fromRecords(record).awaitCompletion();
    }

    static void awaitShipment(UUID order, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(VIEWER)
                .queryParam("orderId", order.toString()).get("/api/v1/shipments")
                .then().body("items[0].status", equalTo(status)));
    }

    static <T extends DomainEvent> T awaitEvent(UUID order, Class<T> type) {
        var record = CloudEventRecords.awaitFirst(Topics.LOGISTICS_EVENTS, order.toString(), EventType.of(type).ceType(),
                Duration.ofSeconds(30));
        return read(record.value(), type);
    }

    static <T extends DomainEvent> T read(String json, Class<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
