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
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The outbox keeps accepted orders' events while Kafka is down and publishes them when it is back; the consumers
 * resume as well. Runs last: it stops the broker every test of the module shares.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE)
class KafkaOutageTest {

    @Test
    void ordersAreAcceptedDuringAnOutageAndTheirEventsFollowWhenKafkaReturns() {
        KafkaResource.stopBroker();
        String id;
        try {
            id = as(POLESTAR).body(order(reference(), "NL")).post("/api/v1/orders")
                    .then().statusCode(201).extract().path("id");
        } finally {
            KafkaResource.startBroker();
        }
        var published = CloudEventRecords.awaitFirst(Topics.ORDER_EVENTS, id, "com.busanev.OrderPlaced.v1",
                Duration.ofSeconds(90));
        assertThat(published.value()).contains(id);

        // The consumers came back too: the plant's answer to the order still moves it.
        UUID orderId = UUID.fromString(id);
        KafkaResource.companion().produceStrings().fromRecords(CloudEventRecords.of(new BuildScheduled(orderId, "NL",
                Region.EU, "LONG_RANGE_DUAL_MOTOR", LocalDate.of(2027, 3, 2), "2027-W09", Instant.parse("2027-03-01T00:00:00Z"))))
                .awaitCompletion();
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> as(POLESTAR).get("/api/v1/orders/" + id)
                .then().body("status", equalTo("SCHEDULED")));
    }
}
