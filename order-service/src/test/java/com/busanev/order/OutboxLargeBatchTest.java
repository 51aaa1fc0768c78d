package com.busanev.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.busanev.events.EventType;
import com.busanev.events.Topics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A claim larger than what the Kafka sink keeps in flight is sent whole: no row is charged a refusal for the relay's
 * own pace. With the emitter's default buffer (128 past the sink's requests), the rows beyond were refused
 * ("Insufficient downstream requests"), counted as attempts and retried, and parked after enough such batches: found
 * in the flow benchmark with a batch of 2,000 against the sink's default 1,024 in flight while acknowledgements came
 * slowly (docs/benchmarks). Here the sink keeps 16 in flight, so the acknowledgements cannot keep pace either.
 */
@QuarkusTest
@TestProfile(OutboxLargeBatchTest.LargeBatch.class)
class OutboxLargeBatchTest {
    private static final int ROWS = 2_000;

    public static class LargeBatch implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kit.outbox.batch-size", String.valueOf(ROWS),
                    "mp.messaging.outgoing.outbox.max-inflight-messages", "16");
        }
    }

    @Inject
    AgroalDataSource database;

    @Test
    void aClaimOfTwoThousandRowsIsPublishedWithoutARefusal() throws SQLException {
        String run = UUID.randomUUID().toString();
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO outbox_event (id, topic, event_type, subject, payload, occurred_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < ROWS; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, Topics.ORDER_EVENTS);
                insert.setString(3, EventType.ORDER_PLACED.ceType());
                insert.setString(4, UUID.randomUUID().toString());
                insert.setString(5, "{\"run\":\"" + run + "\"}");
                insert.setObject(6, OffsetDateTime.now());
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        }

        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> count(run, "published_at IS NOT NULL") == ROWS);
        assertThat(count(run, "attempts > 0 OR last_error IS NOT NULL")).as("rows charged a refusal").isZero();
    }

    private long count(String run, String condition) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT count(*) FROM outbox_event WHERE payload = ? AND (" + condition + ")")) {
            query.setString(1, "{\"run\":\"" + run + "\"}");
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
