package com.busanev.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import com.busanev.events.EventType;
import com.busanev.events.Topics;
import com.busanev.kit.outbox.OutboxMetrics;
import com.busanev.testing.CloudEventRecords;
import com.busanev.testing.KafkaResource;
import com.busanev.testing.ScrapedMetrics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The kit's outbox relay against the real broker and database: a record Kafka refuses is parked without stopping
 * the other orders' events, and what Kafka acknowledged is never sent again. Rows are written straight into the
 * outbox, as a service's transaction would write them.
 */
@QuarkusTest
class OutboxRelayTest {
    private static final String ORDER_PLACED = EventType.ORDER_PLACED.ceType();
    private static final String SMALL = "{\"test\":\"outbox\"}";
    /** Above the producer's max.request.size (1 MiB by default): the Kafka client refuses it, always. */
    private static final String TOO_LARGE = "{\"padding\":\"" + "x".repeat(1_100_000) + "\"}";
    /** The unpark of docs/architecture.md (Operations). */
    private static final String UNPARK = "UPDATE outbox_event SET parked_at = NULL, attempts = 0 WHERE id = ?";

    @Inject
    AgroalDataSource database;

    @Test
    void aRecordKafkaRefusesIsParkedAndHoldsBackOnlyTheEventsOfItsOrder() throws SQLException {
        String order = UUID.randomUUID().toString();
        String otherOrder = UUID.randomUUID().toString();
        List<UUID> written = write(List.of(Map.entry(order, TOO_LARGE), Map.entry(order, SMALL),
                Map.entry(otherOrder, SMALL)));
        UUID refused = written.get(0);
        UUID heldBack = written.get(1);

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> parkReason(refused) != null);
        assertThat(parkReason(refused)).contains("RecordTooLargeException");
        CloudEventRecords.awaitFirst(Topics.ORDER_EVENTS, otherOrder, ORDER_PLACED, Duration.ofSeconds(60));
        // Another order's event written after the park still flows; the parked order's next event does not.
        UUID later = write(List.of(Map.entry(otherOrder, SMALL))).get(0);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> publishedAt(later) != null);
        assertThat(publishedAt(heldBack)).isNull();

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(ScrapedMetrics.value(OutboxMetrics.PARKED_EVENTS)).isEqualTo(1.0);
            assertThat(ScrapedMetrics.value(OutboxMetrics.PENDING_EVENTS)).isGreaterThanOrEqualTo(1.0);
            JsonPath outbox = wellness(503);
            assertThat(outbox.getString("status")).isEqualTo("DOWN");
            assertThat(outbox.getInt("data.parked")).isEqualTo(1);
            assertThat(outbox.getInt("data.pending")).isGreaterThanOrEqualTo(1);
        });
        // The operations endpoint names the parked row (not its payload) for the control tower's exceptions.
        given().auth().oauth2(Fixtures.VIEWER).get("/api/v1/ops/parked").then().statusCode(200)
                .body("refusedOutboxRows", greaterThanOrEqualTo(1))
                .body("outbox.find { it.id == '%s' }.state".formatted(refused), equalTo("PARKED"))
                .body("outbox.find { it.id == '%s' }.reason".formatted(refused), containsString("RecordTooLargeException"))
                .body("outbox.find { it.id == '%s' }.payload".formatted(refused), nullValue());
        // A wellness check: the probes Kubernetes uses do not take the service out for it.
        given().get("/q/health/ready").then().statusCode(200);

        // The operator fixes the cause (here: a payload Kafka takes) and unparks the row: it goes out first, then
        // the event that waited behind it.
        execute("UPDATE outbox_event SET payload = ? WHERE id = ?", SMALL, refused);
        execute(UNPARK, refused);
        assertThat(ceIds(order, 2)).containsExactly(refused.toString(), heldBack.toString());
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(ScrapedMetrics.value(OutboxMetrics.PARKED_EVENTS)).isZero();
            assertThat(wellness(200).getString("status")).isEqualTo("UP");
        });
        given().auth().oauth2(Fixtures.VIEWER).get("/api/v1/ops/parked").then().statusCode(200)
                .body("outbox.find { it.id == '%s' }".formatted(refused), nullValue());
    }

    @Test
    void aBatchWithARefusedRecordMarksWhatKafkaAcknowledgedAndSendsItOnce() throws SQLException {
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(Map.entry(UUID.randomUUID().toString(), i == 10 ? TOO_LARGE : SMALL));
        }
        // One transaction: the relay claims them in one batch, in which one send fails.
        List<UUID> written = write(rows);
        UUID refused = written.get(10);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> parkReason(refused) != null
                    && written.stream().filter(id -> !id.equals(refused)).allMatch(this::isPublished));
            Set<String> keys = rows.stream().map(Map.Entry::getKey).collect(Collectors.toSet());
            Map<String, Long> sent;
            try (var task = KafkaResource.companion().consumeStrings().fromTopics(Topics.ORDER_EVENTS,
                    Duration.ofSeconds(10))) {
                sent = task.awaitCompletion(Duration.ofSeconds(40)).getRecords().stream()
                        .filter(record -> keys.contains(record.key()))
                        .collect(Collectors.groupingBy(OutboxRelayTest::ceId, Collectors.counting()));
            }
            Map<String, Long> once = written.stream().filter(id -> !id.equals(refused))
                    .collect(Collectors.toMap(UUID::toString, id -> 1L));
            assertThat(sent).isEqualTo(once);
        } finally {
            execute("DELETE FROM outbox_event WHERE id = ?", refused);
        }
    }

    /** Writes outbox rows (subject, payload) in one transaction, in this order; returns their ids. */
    private List<UUID> write(List<Map.Entry<String, String>> rows) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO outbox_event (id, topic, event_type, subject, payload, occurred_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")) {
            connection.setAutoCommit(false);
            for (Map.Entry<String, String> row : rows) {
                UUID id = UUID.randomUUID();
                insert.setObject(1, id);
                insert.setString(2, Topics.ORDER_EVENTS);
                insert.setString(3, ORDER_PLACED);
                insert.setString(4, row.getKey());
                insert.setString(5, row.getValue());
                insert.setObject(6, OffsetDateTime.now());
                insert.executeUpdate();
                ids.add(id);
            }
            connection.commit();
        }
        return ids;
    }

    /** The ce_ids of the first {@code count} records of this order on the topic. */
    private static List<String> ceIds(String order, int count) {
        try (var task = KafkaResource.companion().consumeStrings().fromTopics(Topics.ORDER_EVENTS,
                records -> records.select().where(record -> order.equals(record.key())).select().first(count))) {
            return task.awaitCompletion(Duration.ofSeconds(60)).getRecords().stream()
                    .map(OutboxRelayTest::ceId).toList();
        }
    }

    private static String ceId(ConsumerRecord<String, String> record) {
        return CloudEventRecords.header(record, "ce_id").orElseThrow();
    }


    /** The outbox check at /q/health/well, answered with this status code. */
    private static JsonPath wellness(int status) {
        JsonPath health = given().get("/q/health/well").then().statusCode(status).extract().jsonPath();
        return health.setRootPath("checks.find { it.name == 'outbox' }");
    }

    private String parkReason(UUID id) throws SQLException {
        return column(id, "park_reason", ResultSet::getString);
    }

    private Timestamp publishedAt(UUID id) throws SQLException {
        return column(id, "published_at", ResultSet::getTimestamp);
    }

    private boolean isPublished(UUID id) {
        try {
            return publishedAt(id) != null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Column<T> {
        T read(ResultSet row, String name) throws SQLException;
    }

    private <T> T column(UUID id, String name, Column<T> column) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT " + name + " FROM outbox_event WHERE id = ?")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? column.read(row, name) : null;
            }
        }
    }

    /** One row changed, or the test's premise is wrong. */
    private void execute(String sql, Object... parameters) throws SQLException {
        assertThat(Fixtures.execute(database, sql, parameters)).isEqualTo(1);
    }
}
