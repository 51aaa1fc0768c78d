package com.busanev.order.admission;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * How far the chain's consumer groups are behind, read from Kafka every {@code order.admission.refresh-interval}
 * (never per request): for each watched group, the end offsets of the partitions it has committed on minus its
 * committed offsets. A group that has committed nothing yet (not deployed) counts as not behind.
 */
@ApplicationScoped
public class ChainLag {
    private static final Logger LOG = Logger.getLogger(ChainLag.class);
    public static final String GAUGE = "order.admission.chain.lag";

    /** The most-behind watched group and its lag in records, as read at {@code at}. */
    public record Reading(String group, long records, Instant at) {
        static final Reading NONE = new Reading("", 0, Instant.EPOCH);
    }

    private final AdmissionConfig config;
    private final Map<String, Object> kafka;
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile boolean failing;
    private volatile Admin admin;
    private volatile long timer = -1;
    private volatile Reading latest = Reading.NONE;

    ChainLag(AdmissionConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka, MeterRegistry registry) {
        this.config = config;
        this.kafka = kafka;
        Gauge.builder(GAUGE, this, lag -> lag.latest.records())
                .description("Records the most-behind consumer group of the chain is behind (order intake pauses above "
                        + "order.admission.max-lag)")
                .strongReference(true).register(registry);
    }

    /** The latest reading; {@link Reading#NONE} until the first one. */
    public Reading latest() {
        return latest;
    }

    void start(@Observes StartupEvent startup, Vertx vertx) {
        if ((config.maxLag() <= 0 && config.maxUnpublished() <= 0) || config.consumerGroups().isEmpty()) {
            return;
        }
        Map<String, Object> settings = kafka.entrySet().stream()
                .filter(setting -> AdminClientConfig.configNames().contains(setting.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "order-admission");
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) config.maxReadingAge().toMillis());
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.maxReadingAge().toMillis());
        admin = Admin.create(settings);
        timer = vertx.setPeriodic(config.refreshInterval().toMillis(), tick -> refresh());
    }

    void stop(@Observes ShutdownEvent shutdown, Vertx vertx) {
        vertx.cancelTimer(timer);
        if (admin != null) {
            admin.close(Duration.ZERO);
        }
    }

    /** One reading at a time: while Kafka is slow to answer, ticks are skipped, not queued. */
    private void refresh() {
        if (!reading.compareAndSet(false, true)) {
            return;
        }
        Instant at = Instant.now();
        committed().chain(committed -> ends(committed).map(ends -> mostBehind(committed, ends, at)))
                .onTermination().invoke(() -> reading.set(false))
                .subscribe().with(this::read, this::notRead);
    }

    private void read(Reading fresh) {
        latest = fresh;
        if (failing) {
            failing = false;
            LOG.info("the chain's lag is read again: intake is paced by it again");
        }
    }

    /**
     * Kafka away, or the ACLs not allowing the groups to be described: intake goes on unpaced once the last reading
     * is too old (the outbox keeps the events). Said once, not at every tick.
     */
    private void notRead(Throwable failure) {
        if (!failing) {
            failing = true;
            LOG.warnf("the chain's lag cannot be read (%s): intake is not paced until it can", failure.getMessage());
        }
    }

    private Uni<Map<String, Map<TopicPartition, OffsetAndMetadata>>> committed() {
        Map<String, ListConsumerGroupOffsetsSpec> groups = config.consumerGroups().stream()
                .collect(Collectors.toMap(Function.identity(), group -> new ListConsumerGroupOffsetsSpec()));
        return Uni.createFrom().completionStage(admin.listConsumerGroupOffsets(groups).all().toCompletionStage());
    }

    private Uni<Map<TopicPartition, ListOffsetsResultInfo>> ends(Map<String, Map<TopicPartition, OffsetAndMetadata>> committed) {
        Set<TopicPartition> partitions = new HashSet<>();
        committed.values().forEach(offsets -> partitions.addAll(offsets.keySet()));
        if (partitions.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        partitions.forEach(partition -> ends.put(partition, OffsetSpec.latest()));
        return Uni.createFrom().completionStage(admin.listOffsets(ends).all().toCompletionStage());
    }

    private static Reading mostBehind(Map<String, Map<TopicPartition, OffsetAndMetadata>> committed,
            Map<TopicPartition, ListOffsetsResultInfo> ends, Instant at) {
        Reading most = new Reading("", 0, at);
        for (var group : committed.entrySet()) {
            long behind = 0;
            for (var offset : group.getValue().entrySet()) {
                ListOffsetsResultInfo end = ends.get(offset.getKey());
                if (offset.getValue() != null && end != null) {
                    behind += Math.max(0, end.offset() - offset.getValue().offset());
                }
            }
            if (behind > most.records()) {
                most = new Reading(group.getKey(), behind, at);
            }
        }
        return most;
    }
}
