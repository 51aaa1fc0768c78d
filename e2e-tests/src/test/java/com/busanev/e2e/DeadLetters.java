package com.busanev.e2e;

import com.busanev.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the services' dead-letter topics from the beginning, without a consumer group. */
final class DeadLetters {
    /** The header in which the kit's consumer says why it gave a record up. */
    private static final String REASON = "dead-letter-reason";

    private DeadLetters() {
    }

    /** Every record on {@code <service>.dlq} of the services, as "topic key: reason". */
    static List<String> of(String bootstrap, Collection<String> services) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String service : services) {
                for (PartitionInfo partition : consumer.partitionsFor(Topics.deadLetter(service), Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(partition.topic(), partition.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            List<String> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue())
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Header reason = record.headers().lastHeader(REASON);
                    records.add(record.topic() + " " + record.key() + ": "
                            + (reason == null ? "(no reason)" : new String(reason.value(), StandardCharsets.UTF_8)));
                }
            }
            ends.forEach((partition, end) -> {
                if (consumer.position(partition) < end) {
                    records.add(partition + ": " + (end - consumer.position(partition)) + " record(s) could not be read");
                }
            });
            return records;
        }
    }
}
