package com.busanev.order;

import static com.busanev.order.Fixtures.POLESTAR;
import static com.busanev.order.Fixtures.as;
import static com.busanev.order.Fixtures.order;
import static com.busanev.order.Fixtures.reference;
import static org.assertj.core.api.Assertions.assertThat;

import com.busanev.events.Topics;
import com.busanev.testing.CloudEventRecords;
import com.busanev.testing.KafkaResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The outbox keeps accepted orders' events while Kafka is down and publishes them when it is back. */
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
    }
}
