package com.busanev.supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.busanev.events.BuildScheduled;
import com.busanev.events.EventType;
import com.busanev.events.BuildCancelled;
import com.busanev.events.Region;
import com.busanev.events.Topics;
import com.busanev.kit.messaging.ConsumerMetrics;
import com.busanev.kit.messaging.EventConsumersReadiness;
import com.busanev.testing.ScrapedMetrics;
import com.busanev.testing.CloudEventRecords;
import com.busanev.testing.KafkaResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The kit's consumer on the real broker and database: a transient failure holds the channel (readiness says why,
 * nothing is dead-lettered) until it passes; only unreadable or invalid events go to the dead-letter topic.
 */
@QuarkusTest
@TestProfile(EventConsumerFailuresTest.ShortWaits.class)
class EventConsumerFailuresTest {
    private static final String DEAD_LETTERS = Topics.deadLetter("supplier-service");
    private static final String CHECK = "checks.find { it.name == '" + EventConsumersReadiness.NAME + "' }";

    /** A lock wait fails fast (a transient failure on demand), and the readiness grace is short. */
    public static class ShortWaits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.additional-properties.lock_timeout", "200ms",
                    "kit.consumer.unready-after", "1s",
                    "kit.consumer.max-back-off", "500ms");
        }
    }

    @Inject
    AgroalDataSource database;

    @Test
    void aTransientFailureHoldsTheEventUntilItPassesAndReadinessSaysWhy() throws Exception {
        UUID order = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        ProducerRecord<String, String> cancel = CloudEventRecords.of(cancelled(order), eventId);
        try (Connection lock = database.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE cancelled_order IN ACCESS EXCLUSIVE MODE");
            }
            KafkaResource.companion().produceStrings().fromRecords(cancel).awaitCompletion();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then()
                    .statusCode(503)
                    .body(CHECK + ".status", equalTo("DOWN"))
                    .body(CHECK + ".data.'production-events.event-id'", equalTo(eventId))
                    .body(CHECK + ".data.'production-events.event-type'", equalTo(EventType.BUILD_CANCELLED.ceType())));
            assertThat(ScrapedMetrics.value(ConsumerMetrics.RETRYING, Map.of(ConsumerMetrics.CHANNEL_TAG, Topics.PRODUCTION_EVENTS))).isEqualTo(1.0);
            assertThat(CloudEventRecords.all(DEAD_LETTERS, order.toString(), Duration.ofSeconds(3))).isEmpty();
            assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = ?", eventId)).isZero();
            lock.rollback();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then()
                .body(CHECK + ".status", equalTo("UP")));
        assertThat(count("SELECT count(*) FROM cancelled_order WHERE order_id = ?", order)).isOne();
        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = ?", eventId)).isOne();
        assertThat(ScrapedMetrics.value(ConsumerMetrics.RETRYING, Map.of(ConsumerMetrics.CHANNEL_TAG, Topics.PRODUCTION_EVENTS))).isZero();
        assertThat(CloudEventRecords.all(DEAD_LETTERS, order.toString(), Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void unreadableAndInvalidEventsAreDeadLetteredWithTheirReasonAndTheConsumerGoesOn() throws Exception {
        UUID order = UUID.randomUUID();
        String key = order.toString();
        double before = ScrapedMetrics.value(ConsumerMetrics.DEAD_LETTERED, Map.of(ConsumerMetrics.CHANNEL_TAG, Topics.PRODUCTION_EVENTS));
        ProducerRecord<String, String> notJson = new ProducerRecord<>(Topics.PRODUCTION_EVENTS, key, "{");
        ProducerRecord<String, String> missingField = CloudEventRecords.of(cancelled(order));
        missingField = new ProducerRecord<>(Topics.PRODUCTION_EVENTS, null, key,
                missingField.value().replace("\"orderId\":\"" + order + "\",", ""), missingField.headers());
        ProducerRecord<String, String> newerVersion = CloudEventRecords.of(cancelled(order));
        newerVersion.headers().remove("ce_type")
                .add("ce_type", "com.busanev.BuildCancelled.v2".getBytes(StandardCharsets.UTF_8));
        // all on the order's partition, before the valid cancel that must still be applied
        KafkaResource.companion().produceStrings()
                .fromRecords(notJson, missingField, newerVersion, CloudEventRecords.of(cancelled(order)))
                .awaitCompletion();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(count("SELECT count(*) FROM cancelled_order WHERE order_id = ?", order)).isOne());
        List<String> reasons = CloudEventRecords.all(DEAD_LETTERS, key, Duration.ofSeconds(5)).stream()
                .peek(dead -> assertThat(CloudEventRecords.header(dead, "dead-letter-topic")).contains(Topics.PRODUCTION_EVENTS))
                .map(dead -> CloudEventRecords.header(dead, "dead-letter-reason").orElseThrow()).toList();
        assertThat(reasons).hasSize(3);
        assertThat(reasons.get(0)).contains("not a CloudEvent");
        assertThat(reasons.get(1)).contains("required field 'orderId' is missing");
        assertThat(reasons.get(2)).contains("com.busanev.BuildCancelled.v2").contains("unknown");
        assertThat(ScrapedMetrics.value(ConsumerMetrics.DEAD_LETTERED, Map.of(ConsumerMetrics.CHANNEL_TAG, Topics.PRODUCTION_EVENTS))).isEqualTo(before + 3);
    }

    @Test
    void anEventAHandlerCallsInvalidIsDeadLetteredNotRetried() {
        UUID order = UUID.randomUUID();
        BuildScheduled noIsoWeek = new BuildScheduled(order, "US", Region.NA, "Polestar 4 Long range", LocalDate.now(),
                "2026-W60", Instant.now());
        KafkaResource.companion().produceStrings().fromRecords(CloudEventRecords.of(noIsoWeek)).awaitCompletion();

        ConsumerRecord<String, String> dead = CloudEventRecords.awaitFirst(DEAD_LETTERS, order.toString(),
                EventType.BUILD_SCHEDULED.ceType(), Duration.ofSeconds(60));
        assertThat(CloudEventRecords.header(dead, "dead-letter-reason")).hasValueSatisfying(reason -> assertThat(reason)
                .contains("2026-W60").contains("no ISO week"));
        assertThat(CloudEventRecords.header(dead, "dead-letter-topic")).contains(Topics.PRODUCTION_EVENTS);
    }

    /** The plant's cancel of a build it had blocked: supplier-service remembers it (a cancelled_order row). */
    private static BuildCancelled cancelled(UUID order) {
        return new BuildCancelled(order, Region.NA, null, Instant.now());
    }


    private long count(String sql, Object parameter) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
