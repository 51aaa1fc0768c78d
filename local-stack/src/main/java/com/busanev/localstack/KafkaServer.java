package com.busanev.localstack;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Apache Kafka broker in KRaft mode, in the launcher's JVM. Its log and the consumers' offsets are kept in
 * the run folder: an event the broker acknowledged (its outbox row is then marked published) but no consumer had
 * read when the run stopped is still there for the next run.
 */
final class KafkaServer implements AutoCloseable {
    static final List<String> TOPICS = List.of("order-events", "production-events", "supplier-events", "logistics-events",
            "order-service.dlq", "production-service.dlq", "supplier-service.dlq", "logistics-service.dlq",
            "order-service-webhooks.dlq", "supplier-service-webhooks.dlq");

    /** Fixed, so a log formatted by an earlier run is this cluster's (formatting skips a formatted log). */
    private static final String CLUSTER_ID = "busan-ev-local-run-0";

    private final int port;
    private final Path logDir;
    private volatile EmbeddedKafkaBroker broker;

    private KafkaServer(int port, Path logDir) {
        this.port = port;
        this.logDir = logDir;
    }

    static KafkaServer start(int port, Path logDir) throws InterruptedException, ExecutionException, IOException {
        Files.createDirectories(logDir);
        KafkaServer kafka = new KafkaServer(port, logDir);
        kafka.broker = kafka.launch();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap()))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = TOPICS.stream().filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, 3, (short) 1)).toList();
            // Under load the admin client may retry a create the broker already did: an existing topic is what we want.
            for (var created : admin.createTopics(missing).values().values()) {
                try {
                    created.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
        return kafka;
    }

    /** Stops the broker and starts it again on the same port and log: what it had acknowledged is still there. */
    synchronized void restart() {
        broker.close();
        broker = launch();
    }

    private EmbeddedKafkaBroker launch() {
        return new EmbeddedKafkaBroker()
                .withKafkaPort(port)
                .withClusterId(CLUSTER_ID)
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(props -> {
                    props.put("log.dir", logDir.toAbsolutePath().toString());
                    props.put("num.partitions", "3");
                    props.put("group.initial.rebalance.delay.ms", "0");
                })
                .start();
    }

    String bootstrap() {
        return "localhost:" + port;
    }

    @Override
    public synchronized void close() {
        broker.close();
    }
}
