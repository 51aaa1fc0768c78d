package com.busanev.order;

import static com.busanev.order.Fixtures.POLESTAR;
import static com.busanev.order.Fixtures.as;
import static com.busanev.order.Fixtures.order;
import static com.busanev.order.Fixtures.reference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.busanev.events.BuildScheduled;
import com.busanev.events.Region;
import com.busanev.events.Topics;
import com.busanev.testing.CloudEventRecords;
import com.busanev.testing.KafkaResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The outbox keeps accepted orders' events while Kafka is down and publishes them when it is back; the consumers
 * resume as well. Runs last of the tests on the default profile: it stops the broker they share (it starts it again,
 * with empty logs, for the test profiles' classes after it).
 */
@QuarkusTest
@Order(Integer.MAX_VALUE)
class KafkaOutageTest {
    private static final String ORDER_PLACED = "com.busanev.OrderPlaced.v1";

    @Inject
    AgroalDataSource database;

    @Test
    void ordersAreAcceptedDuringAnOutageAndTheirEventsFollowWhenKafkaReturns() throws SQLException {
        KafkaResource.stopBroker();
        String id;
        try {
            id = as(POLESTAR).body(order(reference(), "NL")).post("/api/v1/orders")
                    .then().statusCode(201).extract().path("id");
            // The event committed with the order and waits in the outbox: the relay, woken by the commit and
            // sweeping every 5 s, leaves it unpublished for as long as the broker is away.
            Awaitility.await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(15))
                    .until(() -> outboxState(id), equalTo("waiting"));
        } finally {
            KafkaResource.startBroker();
        }
        // The broker comes back with empty logs: what is on the topic now was sent after the restart.
        var published = CloudEventRecords.awaitFirst(Topics.ORDER_EVENTS, id, ORDER_PLACED, Duration.ofSeconds(90));
        assertThat(published.value()).contains(id);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> outboxState(id), equalTo("published"));
        // the id written with the order is the one on the topic: a retry of the relay republishes the same event
        assertThat(CloudEventRecords.header(published, "ce_id")).contains(outboxRow(id).orElseThrow().eventId());

        // The consumers came back too: the plant's answer to the order still moves it.
        UUID orderId = UUID.fromString(id);
        KafkaResource.companion().produceStrings().fromRecords(CloudEventRecords.of(new BuildScheduled(orderId, "NL",
                Region.EU, "LONG_RANGE_DUAL_MOTOR", LocalDate.of(2027, 3, 2), "2027-W09", Instant.parse("2027-03-01T00:00:00Z"))))
                .awaitCompletion();
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> as(POLESTAR).get("/api/v1/orders/" + id)
                .then().body("status", equalTo("SCHEDULED")));
    }

    /** "absent", "waiting" (written, not yet acknowledged by Kafka) or "published": the order's OrderPlaced row. */
    private String outboxState(String orderId) throws SQLException {
        return outboxRow(orderId).map(row -> row.publishedAt() == null ? "waiting" : "published").orElse("absent");
    }

    private record OutboxRow(String eventId, Timestamp publishedAt) {
    }

    private Optional<OutboxRow> outboxRow(String orderId) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT id, published_at FROM outbox_event WHERE subject = ? AND event_type = ?")) {
            query.setString(1, orderId);
            query.setString(2, ORDER_PLACED);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new OutboxRow(row.getString(1), row.getTimestamp(2))) : Optional.empty();
            }
        }
    }
}
