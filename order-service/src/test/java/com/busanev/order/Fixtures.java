package com.busanev.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.busanev.events.DomainEvent;
import com.busanev.events.EventJson;
import com.busanev.events.EventType;
import com.busanev.events.Roles;
import com.busanev.events.Topics;
import com.busanev.testing.CloudEventRecords;
import com.busanev.testing.KafkaResource;
import com.busanev.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;

final class Fixtures {
    static final String POLESTAR = Tokens.user("polestar-oms").roles(Roles.BRAND_ORDERS).brand("polestar").sign();
    static final String OTHER_BRAND = Tokens.user("other-oms").roles(Roles.BRAND_ORDERS).brand("other-brand").sign();
    static final String VIEWER = Tokens.user("analyst").roles(Roles.VIEWER).sign();

    private Fixtures() {
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String reference() {
        return "PS4-" + UUID.randomUUID();
    }

    static String order(String reference, String market) {
        return """
                {"brandReference":"%s","variant":"LONG_RANGE_DUAL_MOTOR","exteriorColour":"SNOW",
                 "interior":"CHARCOAL_TAILORED_KNIT","optionPacks":["PLUS","PILOT"],"wheels":"ALLOY_21",
                 "market":"%s"}""".formatted(reference, market);
    }

    /** Places an order for Polestar and returns its id. */
    static String place(String market) {
        return as(POLESTAR).body(order(reference(), market)).post("/api/v1/orders")
                .then().statusCode(201).extract().path("id");
    }

    /** The first event of that type about the order that order-service published. */
    static <T extends DomainEvent> T orderEvent(UUID id, Class<T> type) {
        var record = CloudEventRecords.awaitFirst(Topics.ORDER_EVENTS, id.toString(), EventType.of(type).ceType(),
                Duration.ofSeconds(30));
        try {
            return EventJson.mapper().readValue(record.value(), type);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Publishes an event of another service, as it would. */
    static void publish(DomainEvent event) {
        KafkaResource.companion().produceStrings().fromRecords(CloudEventRecords.of(event)).awaitCompletion();
    }

    static void awaitStatus(UUID id, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(POLESTAR).get("/api/v1/orders/" + id).then().body("status", equalTo(status)));
    }

    /** Runs one SQL statement on the service's database, as an operator would; returns the rows it changed. */
    static int execute(DataSource database, String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
