package com.busanev.order;

import static com.busanev.order.Fixtures.POLESTAR;
import static com.busanev.order.Fixtures.as;
import static com.busanev.order.Fixtures.order;
import static com.busanev.order.Fixtures.place;
import static com.busanev.order.Fixtures.reference;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.busanev.events.Topics;
import com.busanev.testing.KafkaResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Order intake pauses (503 with Retry-After, nothing stored) while a watched consumer group of the chain is more
 * records behind than the bound, and takes orders again once it caught up, or once Kafka cannot say any more. The
 * group's lag is made real on the broker: its committed offsets are set behind the order events, then at their end.
 */
@QuarkusTest
@TestProfile(IntakeAdmissionTest.SmallBound.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntakeAdmissionTest {
    private static final String PROBE = "admission-probe";

    /**
     * A bound of two records; a group that never committed (not deployed) is watched too and counts as not behind. A
     * reading older than three seconds pauses nothing.
     */
    public static class SmallBound implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("order.admission.max-lag", "2",
                    "order.admission.consumer-groups", PROBE + ",not-deployed",
                    "order.admission.refresh-interval", "200ms",
                    "order.admission.retry-after", "1500ms",
                    "order.admission.max-reading-age", "3s");
        }
    }

    @Test
    @Order(1)
    void intakePausesWhileAGroupIsTooFarBehindAndResumesWhenItCaughtUp() throws Exception {
        String refused = order(reference(), "SE");
        Admin admin = KafkaResource.companion().getOrCreateAdminClient();
        putTheProbeGroupBehind(admin);
        as(POLESTAR).body(refused).post("/api/v1/orders").then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "2")
                .body("title", equalTo("Service Unavailable"))
                .body("detail", containsString(PROBE));
        as(POLESTAR).body("{\"items\":[" + order(reference(), "SE") + "]}").post("/api/v1/orders/batch").then()
                .statusCode(503)
                .header("Retry-After", "2");

        // The group catches up (again at each try: a probe order's event may reach the topic after the first commit).
        // The refused order was not stored: its reference is still free.
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            commit(admin, end -> end);
            as(POLESTAR).body(refused).post("/api/v1/orders").then().statusCode(201);
        });
    }

    /** Stops the broker it shares with the tests after it (they get it back with empty logs, as after KafkaOutageTest). */
    @Test
    @Order(2)
    void aPauseKafkaCannotConfirmAnyMoreEndsOnceTheLastReadingIsTooOld() throws Exception {
        String refused = order(reference(), "SE");
        putTheProbeGroupBehind(KafkaResource.companion().getOrCreateAdminClient());

        KafkaResource.stopBroker();
        try {
            // The last reading says the group is behind, but no new one comes: after three seconds the order is taken
            // (its event waits in the outbox for the broker).
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    as(POLESTAR).body(refused).post("/api/v1/orders").then().statusCode(201));
        } finally {
            KafkaResource.startBroker();
        }
    }

    /** Puts events on the topic, the probe group at its start, and waits for the reading that pauses intake. */
    private static void putTheProbeGroupBehind(Admin admin) throws Exception {
        for (int i = 0; i < 3; i++) {
            // Taken once the group is caught up: committed at its end before each try, since an event of the test before
            // (or of this loop) may reach the topic after a commit and the reading then still says behind (one CI run).
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                commit(admin, end -> end);
                place("SE");
            });
        }
        commit(admin, offsets -> 0L);
        // Until the next reading, orders are still taken: probe with fresh ones, so the caller's order is never placed.
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(POLESTAR).body(order(reference(), "SE")).post("/api/v1/orders").then().statusCode(503));
    }

    /** Sets the probe group's committed offset on every partition of the order events, from the partition's end. */
    private static void commit(Admin admin, Function<Long, Long> offsetFromEnd) throws Exception {
        var partitions = admin.describeTopics(List.of(Topics.ORDER_EVENTS)).allTopicNames().get()
                .get(Topics.ORDER_EVENTS).partitions().stream()
                .map(info -> new TopicPartition(Topics.ORDER_EVENTS, info.partition()))
                .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listOffsets(partitions).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey,
                        end -> new OffsetAndMetadata(offsetFromEnd.apply(end.getValue().offset()))));
        admin.alterConsumerGroupOffsets(PROBE, offsets).all().get();
    }
}
