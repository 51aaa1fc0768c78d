package com.busanev.localstack;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What a benchmark prints every few seconds while the chain works: orders placed, builds scheduled and built,
 * shipments booked (read from the services' databases), the records each service's consumer group is behind on
 * its topics (its lag), the events each service has committed but not yet published (its outbox backlog: work done
 * that the next service cannot see yet), and each service's resident memory; the largest of each are kept for the
 * summary.
 */
final class ChainProgress implements AutoCloseable {
    /** The services whose consumer group (named as the service) and memory are followed. */
    static final List<String> SERVICES = List.of("order-service", "production-service", "supplier-service",
            "logistics-service");
    private static final ZoneId PLANT = ZoneId.of("Asia/Seoul");

    /** One reading. */
    record Reading(long placed, long scheduled, long built, long booked, Map<String, Long> lag, Map<String, Long> unsent,
            Map<String, Long> rssMiB) {
    }

    /** Committed, not yet published, not parked: read through the outbox's partial index of unpublished rows. */
    private static final String UNSENT = "SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND parked_at IS NULL";

    private final LocalStack stack;
    private final Admin admin;
    private final Instant start = Instant.now();
    private final Map<String, Long> maxLag = new LinkedHashMap<>();
    private final Map<String, Long> maxUnsent = new LinkedHashMap<>();
    private final Map<String, Long> maxRss = new LinkedHashMap<>();

    ChainProgress(LocalStack stack) {
        this.stack = stack;
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        this.admin = Admin.create(config);
    }

    /** Reads the chain's state, prints it on one line and returns it. */
    Reading print() throws Exception {
        Reading reading = new Reading(
                count("order-service", "SELECT count(*) FROM orders"),
                count("production-service", "SELECT count(*) FROM build WHERE status <> 'BLOCKED' AND status <> 'CANCELLED'"),
                count("production-service", "SELECT count(*) FROM build WHERE status = 'BUILT'"),
                count("logistics-service", "SELECT count(*) FROM shipment WHERE status <> 'UNBOOKED'"),
                lag(), unsent(), rss());
        reading.lag().forEach((service, records) -> maxLag.merge(service, records, Math::max));
        reading.unsent().forEach((service, events) -> maxUnsent.merge(service, events, Math::max));
        reading.rssMiB().forEach((service, mib) -> maxRss.merge(service, mib, Math::max));
        System.out.printf("  %5.0f s  plant %s  placed %d  scheduled %d  built %d  booked %d  lag %s  unsent %s  RSS MiB %s%n",
                Duration.between(start, Instant.now()).toMillis() / 1000.0, LocalDate.ofInstant(stack.plantNow(), PLANT),
                reading.placed(), reading.scheduled(), reading.built(), reading.booked(), brief(reading.lag()),
                brief(reading.unsent()), brief(reading.rssMiB()));
        return reading;
    }

    Map<String, Long> maxLag() {
        return maxLag;
    }

    Map<String, Long> maxUnsent() {
        return maxUnsent;
    }

    /** CPU time each service's process has used since it started, in seconds. */
    Map<String, Long> cpuSeconds() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        SERVICES.forEach(service -> cpu.put(service, stack.cpuTime(service).toSeconds()));
        return cpu;
    }

    Map<String, Long> maxRss() {
        return maxRss;
    }

    /** Records behind, per service: the end offsets of the partitions its group consumes minus its committed ones. */
    Map<String, Long> lag() throws InterruptedException, ExecutionException {
        Map<String, Long> lag = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(service)
                    .partitionsToOffsetAndMetadata().get();
            committed.values().removeIf(java.util.Objects::isNull);
            if (committed.isEmpty()) {
                lag.put(service, 0L);
                continue;
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet()
                    .stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()))).all().get();
            lag.put(service, committed.entrySet().stream()
                    .mapToLong(e -> Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset())).sum());
        }
        return lag;
    }

    /** Events committed to each service's outbox and not yet on Kafka. */
    Map<String, Long> unsent() throws SQLException {
        Map<String, Long> unsent = new LinkedHashMap<>();
        for (String service : SERVICES) {
            unsent.put(service, count(service, UNSENT));
        }
        return unsent;
    }

    private Map<String, Long> rss() {
        Map<String, Long> rss = new LinkedHashMap<>();
        SERVICES.forEach(service -> rss.put(service, stack.rssMiB(service)));
        return rss;
    }

    private long count(String service, String sql) throws SQLException {
        try (Connection connection = stack.openDatabase(service); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** {order-service=12, ...} as "order 12 production 0 ...". */
    static String brief(Map<String, Long> perService) {
        return perService.entrySet().stream().map(e -> e.getKey().replace("-service", "") + " " + e.getValue())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public void close() {
        admin.close();
    }
}
