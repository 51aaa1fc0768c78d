package com.busanev.kit.ops;

import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_REASON;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_TOPIC;

import com.busanev.events.Topics;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads what waits for an operator: refused outbox rows from the database, dead letters from the service's topic. */
@ApplicationScoped
public class ParkedEventsReader {
    /** Binary-mode CloudEvents carry their attributes as ce_* headers. */
    private static final String CE_ID = "ce_id";
    private static final String CE_TYPE = "ce_type";
    /** Refused rows have attempts > 0: the partial index outbox_event_refused holds exactly those unpublished. */
    private static final String REFUSED = """
            SELECT id, topic, event_type, subject, parked_at IS NOT NULL AS parked, attempts, park_reason, last_error,
                   written_at, parked_at, count(*) OVER () AS total
            FROM outbox_event WHERE published_at IS NULL AND attempts > 0
            ORDER BY parked_at DESC NULLS LAST, written_at DESC LIMIT $1""";

    private final Pool pool;
    private final OpsConfig config;
    private final Map<String, Object> kafka;
    private final String service;

    ParkedEventsReader(Pool pool, OpsConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.pool = pool;
        this.config = config;
        this.kafka = kafka;
        this.service = service;
    }

    public Uni<ParkedEvents> read() {
        Uni<ParkedEvents.DeadLetters> deadLetters = Uni.createFrom().item(this::deadLetters)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()); // Kafka's clients block
        return Uni.combine().all().unis(refused(), deadLetters).asTuple().map(both -> {
            List<ParkedEvents.RefusedRow> rows = both.getItem1().rows();
            return new ParkedEvents(service, both.getItem1().total(), rows, both.getItem2());
        });
    }

    private record Refused(long total, List<ParkedEvents.RefusedRow> rows) {
    }

    private Uni<Refused> refused() {
        return pool.preparedQuery(REFUSED).execute(Tuple.of(config.listed())).map(result -> {
            List<ParkedEvents.RefusedRow> rows = new ArrayList<>();
            long total = 0;
            for (Row row : result) {
                total = row.getLong("total");
                rows.add(new ParkedEvents.RefusedRow(row.getUUID("id"), row.getString("topic"), row.getString("event_type"),
                        row.getString("subject"), row.getBoolean("parked") ? "PARKED" : "RETRYING",
                        row.getInteger("attempts"), row.getString("park_reason"), row.getString("last_error"),
                        instant(row.getOffsetDateTime("written_at")), instant(row.getOffsetDateTime("parked_at"))));
            }
            return new Refused(total, rows);
        });
    }

    /** The count within retention and the latest records, read without a consumer group (nothing is committed). */
    private ParkedEvents.DeadLetters deadLetters() {
        String topic = Topics.deadLetter(service);
        Duration timeout = config.kafkaTimeout();
        Map<String, Object> settings = new HashMap<>(kafka);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, service + "-ops");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return new ParkedEvents.DeadLetters(topic, 0L, List.of(), null); // nothing dead-lettered yet
            }
            Map<TopicPartition, Long> first = consumer.beginningOffsets(partitions, timeout);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long count = partitions.stream().mapToLong(p -> end.get(p) - first.get(p)).sum();
            consumer.assign(partitions);
            partitions.forEach(p -> consumer.seek(p, Math.max(first.get(p), end.get(p) - config.listed())));
            List<ConsumerRecord<String, String>> read = new ArrayList<>();
            Instant deadline = Instant.now().plus(timeout);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
            List<ParkedEvents.DeadLetter> latest = read.stream()
                    .sorted(Comparator.comparingLong(ConsumerRecord<String, String>::timestamp).reversed())
                    .limit(config.listed())
                    .map(r -> new ParkedEvents.DeadLetter(r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()),
                            header(r, DEAD_LETTER_TOPIC), r.key(), header(r, CE_ID), header(r, CE_TYPE),
                            header(r, DEAD_LETTER_REASON)))
                    .toList();
            return new ParkedEvents.DeadLetters(topic, count, latest, null);
        } catch (KafkaException unavailable) {
            return new ParkedEvents.DeadLetters(topic, null, List.of(), unavailable.getMessage());
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
