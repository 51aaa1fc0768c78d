package com.busanev.localstack;

import com.busanev.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ./dead-letters.sh}: lists the records a service dead-lettered and re-drives one to the topic it came from,
 * once its cause is fixed. The re-driven record is the original (key, value, every {@code ce_*} header, so the same
 * event id): a consumer group that had already applied it drops it through its inbox, so a re-drive, or two, of an
 * applied event changes nothing. Plain Kafka clients, no consumer group: reading the dead-letter topic commits
 * nothing.
 */
public final class DeadLetters {
    /** The headers SmallRye's dead-letter-queue failure strategy adds; all share the prefix. */
    static final String HEADER_PREFIX = "dead-letter-";
    static final String REASON = "dead-letter-reason";
    static final String ORIGINAL_TOPIC = "dead-letter-topic";
    static final String ORIGINAL_PARTITION = "dead-letter-partition";
    static final String ORIGINAL_OFFSET = "dead-letter-offset";
    static final String CE_ID = "ce_id";
    static final String CE_TYPE = "ce_type";

    private static final String USAGE = """
            usage: dead-letters.sh list    --service NAME [--bootstrap HOST:PORT]
                   dead-letters.sh redrive --service NAME [--bootstrap HOST:PORT] --offset N [--partition P]
              NAME is the consuming service, e.g. order-service: its dead letters are on NAME.dlq.
              --bootstrap defaults to the local run's broker, localhost:%d.
              --partition is needed when NAME.dlq has more than one partition (list shows each record's).""";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    /** One record of a dead-letter topic: where it is, where it came from, what it is and why it is there. */
    public record DeadLetter(int partition, long offset, String originalTopic, String originalPartition,
            String originalOffset, String key, String ceId, String ceType, String reason) {
    }

    private final String bootstrap;
    private final String topic;

    public DeadLetters(String bootstrap, String service) {
        this.bootstrap = bootstrap;
        this.topic = Topics.deadLetter(service);
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        if (args.length == 0 || List.of(args).contains("--help")) {
            System.out.println(USAGE.formatted(StackPorts.defaults().kafka()));
            return;
        }
        try {
            Map<String, String> options = options(args);
            DeadLetters deadLetters = new DeadLetters(
                    options.getOrDefault("--bootstrap", "localhost:" + StackPorts.defaults().kafka()), required(options, "--service"));
            switch (args[0]) {
                case "list" -> deadLetters.list().forEach(dead -> System.out.println(format(dead)));
                case "redrive" -> System.out.println(deadLetters.redrive(
                        options.containsKey("--partition") ? Integer.parseInt(options.get("--partition")) : null,
                        Long.parseLong(required(options, "--offset"))));
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE.formatted(StackPorts.defaults().kafka()));
            System.exit(2);
        } catch (IllegalStateException | KafkaException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** Every record now on the dead-letter topic, by partition and offset. */
    public List<DeadLetter> list() {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<DeadLetter> found = new ArrayList<>();
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + READ_TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        found.add(deadLetter(record));
                    }
                });
            }
            found.sort(Comparator.comparingInt(DeadLetter::partition).thenComparingLong(DeadLetter::offset));
            return found;
        }
    }

    /**
     * Publishes the dead letter at {@code partition} (may be null if the topic has one) and {@code offset} again to
     * its original topic, with its key, value and headers less SmallRye's {@code dead-letter-*} ones; the key
     * partitions it as the producer did. Returns what was sent where.
     */
    public String redrive(Integer partition, long offset) {
        ConsumerRecord<String, String> dead = read(partition, offset);
        String original = header(dead.headers(), ORIGINAL_TOPIC).orElseThrow(() -> new IllegalStateException(
                topic + " " + dead.partition() + ":" + offset + " has no " + ORIGINAL_TOPIC + " header"));
        Headers headers = new RecordHeaders();
        for (Header header : dead.headers()) {
            if (!header.key().startsWith(HEADER_PREFIX)) {
                headers.add(header);
            }
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer())) {
            RecordMetadata sent = producer.send(new ProducerRecord<>(original, null, dead.key(), dead.value(), headers)).get();
            return "re-drove " + topic + " " + dead.partition() + ":" + offset + " (" + header(headers, CE_TYPE).orElse("?")
                    + " " + header(headers, CE_ID).orElse("?") + ") to " + sent.topic() + " " + sent.partition() + ":"
                    + sent.offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while re-driving", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused the re-driven record: " + e.getCause().getMessage(), e);
        }
    }

    private ConsumerRecord<String, String> read(Integer partition, long offset) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            if (partition == null && partitions.size() > 1) {
                throw new IllegalArgumentException(topic + " has " + partitions.size() + " partitions: name one with --partition");
            }
            TopicPartition at = partition == null ? partitions.get(0) : new TopicPartition(topic, partition);
            if (!partitions.contains(at)) {
                throw new IllegalArgumentException(topic + " has no partition " + partition);
            }
            consumer.assign(List.of(at));
            long end = consumer.endOffsets(List.of(at)).get(at);
            if (offset < consumer.beginningOffsets(List.of(at)).get(at) || offset >= end) {
                throw new IllegalArgumentException(topic + " " + at.partition() + " holds no record at offset " + offset);
            }
            consumer.seek(at, offset);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() == offset) {
                        return record;
                    }
                }
            }
            throw new IllegalStateException("could not read " + topic + " " + at.partition() + ":" + offset + " within " + READ_TIMEOUT);
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        var infos = consumer.partitionsFor(topic, READ_TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("no topic " + topic + " on " + bootstrap);
        }
        return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
    }

    private static DeadLetter deadLetter(ConsumerRecord<String, String> record) {
        Headers headers = record.headers();
        return new DeadLetter(record.partition(), record.offset(), header(headers, ORIGINAL_TOPIC).orElse(null),
                header(headers, ORIGINAL_PARTITION).orElse(null), header(headers, ORIGINAL_OFFSET).orElse(null),
                record.key(), header(headers, CE_ID).orElse(null), header(headers, CE_TYPE).orElse(null),
                header(headers, REASON).orElse(null));
    }

    private static String format(DeadLetter dead) {
        return "partition=%d offset=%d from=%s/%s/%s key=%s ce_id=%s ce_type=%s reason=%s".formatted(dead.partition(),
                dead.offset(), dead.originalTopic(), dead.originalPartition(), dead.originalOffset(), dead.key(),
                dead.ceId(), dead.ceType(), dead.reason());
    }

    private static Optional<String> header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
