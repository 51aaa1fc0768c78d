package com.busanev.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.busanev.events.EventType;
import com.busanev.events.Topics;
import com.busanev.kit.outbox.OutboxNotifications;
import com.busanev.testing.CloudEventRecords;
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
 * The kit's relay is woken by the commit that appended a row, not by a poll: with the sweep an hour apart, a
 * committed row still reaches Kafka at once, and a row whose transaction rolled back never does.
 */
@QuarkusTest
@TestProfile(OutboxWokenAtCommitTest.NoSweep.class)
class OutboxWokenAtCommitTest {
    private static final String ORDER_PLACED = EventType.ORDER_PLACED.ceType();

    /** Only a notification can wake the relay within the test. */
    public static class NoSweep implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kit.outbox.sweep-interval", "1h");
        }
    }

    @Inject
    AgroalDataSource database;

    @Test
    void aCommittedRowIsPublishedAtCommitAndARolledBackOneNever() throws SQLException {
        // The relay listens on a connection of its own (and has drained what was there at its start).
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(this::listening);
        String order = UUID.randomUUID().toString();
        UUID rolledBack = UUID.randomUUID();
        UUID committed = UUID.randomUUID();
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            append(connection, rolledBack, order);
            connection.rollback();
            append(connection, committed, order);
            connection.commit();
        }

        var published = CloudEventRecords.awaitFirst(Topics.ORDER_EVENTS, order, ORDER_PLACED, Duration.ofSeconds(30));
        assertThat(CloudEventRecords.header(published, "ce_id")).contains(committed.toString());
        assertThat(CloudEventRecords.all(Topics.ORDER_EVENTS, order, Duration.ofSeconds(3)))
                .extracting(record -> CloudEventRecords.header(record, "ce_id").orElseThrow())
                .containsExactly(committed.toString());
    }

    private boolean listening() throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE datname = current_database() AND query LIKE 'LISTEN %' AND query LIKE ?""")) {
            query.setString(1, "%" + OutboxNotifications.CHANNEL + "%");
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getLong(1) > 0;
            }
        }
    }

    private static void append(Connection connection, UUID id, String order) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO outbox_event (id, topic, event_type, subject, payload, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, id);
            insert.setString(2, Topics.ORDER_EVENTS);
            insert.setString(3, ORDER_PLACED);
            insert.setString(4, order);
            insert.setString(5, "{\"test\":\"woken at commit\"}");
            insert.setObject(6, OffsetDateTime.now());
            insert.executeUpdate();
        }
    }
}
