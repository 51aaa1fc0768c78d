package com.busanev.order;

import static com.busanev.order.Fixtures.POLESTAR;
import static com.busanev.order.Fixtures.as;
import static com.busanev.order.Fixtures.order;
import static com.busanev.order.Fixtures.reference;
import static org.hamcrest.Matchers.containsString;

import com.busanev.events.EventType;
import com.busanev.events.Topics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Order intake pauses while order-service's own outbox holds more events than the bound that its relay has not
 * published (stored orders the chain cannot see yet), and takes orders again once they are out. The backlog is made
 * real in the outbox: rows the relay holds for a later attempt, as after Kafka refused them.
 */
@QuarkusTest
@TestProfile(IntakeOutboxAdmissionTest.SmallOutboxBound.class)
class IntakeOutboxAdmissionTest {
    private static final int HELD = 3;

    /** Two unpublished events at most, counted every 200 ms; the lag bound out of reach, the lag read every 200 ms. */
    public static class SmallOutboxBound implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("order.admission.max-unpublished", "2",
                    "order.admission.max-lag", "1000000",
                    "order.admission.consumer-groups", "not-deployed",
                    "order.admission.refresh-interval", "200ms",
                    "order.admission.retry-after", "1500ms",
                    "kit.outbox.backlog-refresh", "200ms");
        }
    }

    @Inject
    AgroalDataSource database;

    @Test
    void intakePausesWhileTheOutboxHoldsTooManyUnpublishedEventsAndResumesOnceTheyAreOut() throws SQLException {
        String refused = order(reference(), "SE");
        String marker = "held-" + UUID.randomUUID();
        holdInOutbox(marker);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    as(POLESTAR).body(refused).post("/api/v1/orders").then()
                            .statusCode(503)
                            .contentType("application/problem+json")
                            .header("Retry-After", "2")
                            .body("detail", containsString("not yet published (the bound is 2)")));
            as(POLESTAR).body("{\"items\":[" + order(reference(), "SE") + "]}").post("/api/v1/orders/batch").then()
                    .statusCode(503)
                    .body("detail", containsString("not yet published"));
        } finally {
            Fixtures.execute(database, "UPDATE outbox_event SET published_at = now() WHERE subject LIKE ?", marker + "%");
        }

        // The relay's backlog is out: the refused order was not stored, its reference is still free.
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(POLESTAR).body(refused).post("/api/v1/orders").then().statusCode(201));
    }

    /** Rows the relay tried once and holds for an hour, one subject each so none holds back another service event. */
    private void holdInOutbox(String marker) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO outbox_event (id, topic, event_type, subject, payload, occurred_at, attempts,
                                                  next_attempt_at)
                        VALUES (?, ?, ?, ?, '{"test":"held"}', now(), 1, now() + interval '1 hour')""")) {
            for (int i = 0; i < HELD; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, Topics.ORDER_EVENTS);
                insert.setString(3, EventType.ORDER_PLACED.ceType());
                insert.setString(4, marker + "-" + i);
                insert.executeUpdate();
            }
        }
    }
}
