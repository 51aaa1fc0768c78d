package com.busanev.kit.outbox;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka in commit order and marks them published only after the broker
 * acknowledged them. While Kafka is down the rows wait; nothing is lost and nothing is published twice except
 * after a crash between ack and mark, which the consumers' inbox absorbs (same event id).
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several replicas can relay side by side.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String CLAIM = """
            SELECT id, topic, event_type, subject, payload, occurred_at FROM outbox_event
            WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED""";
    private static final String MARK = "UPDATE outbox_event SET published_at = $1 WHERE id = ANY($2)";
    private static final String PURGE = "DELETE FROM outbox_event WHERE published_at < $1";

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final URI source;
    private final int batchSize;
    private final Duration retention;
    private final Duration pollInterval;
    private final Duration startDelay;
    private final Duration sweepInterval;
    private final AtomicBoolean pending = new AtomicBoolean(true);
    private final AtomicBoolean running = new AtomicBoolean(false);

    OutboxRelay(Pool pool, @Channel("outbox") MutinyEmitter<String> emitter,
            @ConfigProperty(name = "quarkus.application.name") String application,
            @ConfigProperty(name = "kit.outbox.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "kit.outbox.retention", defaultValue = "P7D") Duration retention,
            @ConfigProperty(name = "kit.outbox.poll-interval", defaultValue = "0.05s") Duration pollInterval,
            @ConfigProperty(name = "kit.outbox.start-delay", defaultValue = "1s") Duration startDelay,
            @ConfigProperty(name = "kit.outbox.sweep-interval", defaultValue = "5s") Duration sweepInterval) {
        this.pool = pool;
        this.emitter = emitter;
        this.source = URI.create("/" + application);
        this.batchSize = batchSize;
        this.retention = retention;
        this.pollInterval = pollInterval;
        this.startDelay = startDelay;
        this.sweepInterval = sweepInterval;
    }

    void wakeUp() {
        pending.set(true);
    }

    /**
     * Ticks on a Vert.x timer (the scheduler's finest interval is 1 s): an idle tick with no append since the
     * last drain costs nothing, and one drain runs at a time.
     */
    void start(@Observes StartupEvent startup, Vertx vertx) {
        vertx.setTimer(startDelay.toMillis(), first -> {
            vertx.setPeriodic(pollInterval.toMillis(), tick -> relay());
            // A safety net for rows committed by another replica or before a restart.
            vertx.setPeriodic(sweepInterval.toMillis(), tick -> pending.set(true));
        });
    }

    private void relay() {
        if (!pending.getAndSet(false)) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            pending.set(true);
            return;
        }
        drain().onTermination().invoke(() -> running.set(false)).subscribe().with(
                ignored -> {
                },
                e -> {
                    pending.set(true);
                    LOG.warnf("outbox relay paused, will retry: %s", e.getMessage());
                });
    }

    @Scheduled(every = "1h", delayed = "1m")
    Uni<Void> purge() {
        return pool.preparedQuery(PURGE).execute(Tuple.of(Instant.now().minus(retention).atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    public Uni<Void> drain() {
        return pool.withTransaction(this::publishBatch)
                .chain(published -> published == batchSize ? drain() : Uni.createFrom().voidItem());
    }

    private Uni<Integer> publishBatch(SqlConnection connection) {
        return connection.preparedQuery(CLAIM).execute(Tuple.of(batchSize)).chain(rows -> {
            List<Uni<Void>> sends = new ArrayList<>();
            List<UUID> ids = new ArrayList<>();
            for (Row row : rows) {
                ids.add(row.getUUID("id"));
                sends.add(emitter.sendMessage(toMessage(row)));
            }
            if (ids.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return Uni.join().all(sends).andFailFast()
                    .chain(() -> connection.preparedQuery(MARK)
                            .execute(Tuple.of(Instant.now().atOffset(ZoneOffset.UTC), ids.toArray(UUID[]::new))))
                    .replaceWith(ids.size());
        });
    }

    private Message<String> toMessage(Row row) {
        String subject = row.getString("subject");
        return Message.of(row.getString("payload"))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(row.getString("topic"))
                        .withKey(subject)
                        .build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(row.getUUID("id").toString())
                        .withSource(source)
                        .withType(row.getString("event_type"))
                        .withSubject(subject)
                        .withTimestamp(row.getOffsetDateTime("occurred_at").toZonedDateTime())
                        .withDataContentType("application/json")
                        .build());
    }
}
