package com.busanev.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A real Apache Kafka broker in KRaft mode, in the test JVM. {@link #stopBroker()} and {@link #startBroker()}
 * take it down and bring it back on the same port, for outage tests. Set {@code SUITE_KAFKA_BOOTSTRAP} to use
 * a running broker instead.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {
    private static EmbeddedKafkaBroker broker;
    private static int port;
    private static KafkaCompanion companion;

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers(),
                // the in-process broker logs at INFO into the test output otherwise
                "quarkus.log.category.\"kafka\".level", "WARN",
                "quarkus.log.category.\"org.apache.kafka\".level", "WARN",
                "quarkus.log.category.\"state.change.logger\".level", "WARN");
    }

    @Override
    public void stop() {
        // Shared by every Quarkus app the module's tests start; the JVM exit ends it.
    }

    public static synchronized String bootstrapServers() {
        String external = System.getenv("SUITE_KAFKA_BOOTSTRAP");
        if (external != null) {
            return external;
        }
        if (broker == null) {
            port = freePort();
            startBroker();
            Runtime.getRuntime().addShutdownHook(new Thread(KafkaResource::stopBroker));
        }
        return "localhost:" + port;
    }

    /** A client for producing and consuming test records on the broker. */
    public static synchronized KafkaCompanion companion() {
        if (companion == null) {
            companion = new KafkaCompanion(bootstrapServers());
        }
        return companion;
    }

    public static synchronized void stopBroker() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    public static synchronized void startBroker() {
        broker = new EmbeddedKafkaBroker()
                .withKafkaPort(port)
                .withDeleteLogDirsOnClose(true)
                .withAdditionalProperties(props -> {
                    props.put("num.partitions", "3");
                    props.put("auto.create.topics.enable", "true");
                    props.put("group.initial.rebalance.delay.ms", "0");
                })
                .start();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
