package com.busanev.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dead-letter tool on a real broker. The dead letter is shaped as SmallRye's dead-letter-queue strategy writes
 * one (the original record's key, value and headers, plus the dead-letter-* headers; supplier-service's
 * EventConsumerFailuresTest reads real ones).
 */
class DeadLettersTest {
    private static final String DLQ = "production-service.dlq";

    @TempDir
    static Path runDir;
    private static KafkaServer kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = KafkaServer.start(freePort(), runDir.resolve("kafka"));
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void aReDrivenDeadLetterIsTheOriginalEventOnItsOriginalTopic() throws Exception {
        String order = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String payload = "{\"orderId\":\"" + order + "\"}";
        RecordMetadata dead = send(deadLetter(order, eventId, payload, "lock timeout"));
        DeadLetters deadLetters = new DeadLetters(kafka.bootstrap(), "production-service");

        assertThat(deadLetters.list()).filteredOn(letter -> order.equals(letter.key())).singleElement()
                .satisfies(letter -> {
                    assertThat(letter.partition()).isEqualTo(dead.partition());
                    assertThat(letter.offset()).isEqualTo(dead.offset());
                    assertThat(letter.originalTopic()).isEqualTo("order-events");
                    assertThat(letter.originalPartition()).isEqualTo("2");
                    assertThat(letter.originalOffset()).isEqualTo("41");
                    assertThat(letter.ceId()).isEqualTo(eventId);
                    assertThat(letter.ceType()).isEqualTo("com.busanev.OrderPlaced.v1");
                    assertThat(letter.reason()).isEqualTo("lock timeout");
                });

        deadLetters.redrive(dead.partition(), dead.offset());
        deadLetters.redrive(dead.partition(), dead.offset());

        List<ConsumerRecord<String, String>> redriven = readAll("order-events", order, 2);
        assertThat(redriven).hasSize(2).allSatisfy(record -> {
            assertThat(record.value()).isEqualTo(payload);
            assertThat(header(record, "ce_id")).isEqualTo(eventId);
            assertThat(header(record, "ce_type")).isEqualTo("com.busanev.OrderPlaced.v1");
            assertThat(header(record, "ce_source")).isEqualTo("/order-service");
            assertThat(record.headers()).extracting(Header::key).noneMatch(key -> key.startsWith("dead-letter-"));
        });
        // same key, so the same partition as the order's other events: the consumers' inbox drops the second copy
        assertThat(redriven.get(0).partition()).isEqualTo(redriven.get(1).partition());
    }

    @Test
    void anOffsetWithNoRecordIsRefused() throws Exception {
        RecordMetadata dead = send(deadLetter(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "{}", "x"));
        DeadLetters deadLetters = new DeadLetters(kafka.bootstrap(), "production-service");

        assertThatThrownBy(() -> deadLetters.redrive(dead.partition(), dead.offset() + 1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no record at offset");
        assertThatThrownBy(() -> deadLetters.redrive(null, dead.offset()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--partition");
    }

    private static ProducerRecord<String, String> deadLetter(String key, String eventId, String payload, String reason) {
        ProducerRecord<String, String> record = new ProducerRecord<>(DLQ, key, payload);
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(eventId))
                .add("ce_source", bytes("/order-service"))
                .add("ce_type", bytes("com.busanev.OrderPlaced.v1"))
                .add("ce_subject", bytes(key))
                .add("dead-letter-exception-class-name", bytes("org.hibernate.HibernateException"))
                .add("dead-letter-reason", bytes(reason))
                .add("dead-letter-topic", bytes("order-events"))
                .add("dead-letter-partition", bytes("2"))
                .add("dead-letter-offset", bytes("41"));
        return record;
    }

    private static RecordMetadata send(ProducerRecord<String, String> record) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap()), new StringSerializer(), new StringSerializer())) {
            return producer.send(record).get();
        }
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic, String key, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> read = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (read.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (key.equals(record.key())) {
                        read.add(record);
                    }
                });
            }
            return read;
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
