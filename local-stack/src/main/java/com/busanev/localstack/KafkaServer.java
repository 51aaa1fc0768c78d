package com.busanev.localstack;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A real Apache Kafka broker in KRaft mode, in the launcher's JVM. Its log is not kept between runs: every
 * service's state lives in its database and its outbox, so a fresh broker loses nothing that matters.
 */
final class KafkaServer implements AutoCloseable {
    static final List<String> TOPICS = List.of("order-events", "production-events", "supplier-events", "logistics-events",
            "order-service.dlq", "production-service.dlq", "supplier-service.dlq", "logistics-service.dlq");

    private final EmbeddedKafkaBroker broker;
    private final String bootstrap;

    private KafkaServer(EmbeddedKafkaBroker broker, String bootstrap) {
        this.broker = broker;
        this.bootstrap = bootstrap;
    }

    static KafkaServer start(int port) throws InterruptedException, ExecutionException {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker()
                .withKafkaPort(port)
                .withDeleteLogDirsOnClose(true)
                .withAdditionalProperties(props -> {
                    props.put("num.partitions", "3");
                    props.put("group.initial.rebalance.delay.ms", "0");
                })
                .start();
        String bootstrap = "localhost:" + port;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(TOPICS.stream().map(topic -> new NewTopic(topic, 3, (short) 1)).toList()).all().get();
        }
        return new KafkaServer(broker, bootstrap);
    }

    String bootstrap() {
        return bootstrap;
    }

    @Override
    public void close() {
        broker.close();
    }
}
