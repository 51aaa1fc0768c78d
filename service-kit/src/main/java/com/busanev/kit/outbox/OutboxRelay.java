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
 * Publishes committed outbox rows to Kafka in the order they were written and marks them published only after
 * the broker acknowledged them. While Kafka is down the rows wait; nothing is lost and nothing is published
 * twice except after a crash between ack and mark, which the consumers' inbox absorbs (same event id).
 * One replica relays at a time (a transaction-scoped advisory lock): two replicas draining the same backlog side
 * by side could put an order's OrderCancelled on the topic before its OrderPlaced.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** How long after an append the relay keeps looking: the append happens before its transaction commits. */
    private static final long WAKE_WINDOW_NANOS = Duration.ofSeconds(1).toNanos();
    private static final String SINGLE_RELAY = "SELECT pg_try_advisory_xact_lock(7340002)";
    private static final String CLAIM = """
            SELECT id, topic, event_type, subject, payload, occurred_at FROM outbox_event
            WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED""";
    private static final String MARK = "UPDATE outbox_event SET published_at = $1 WHERE id = ANY($2)";
    private static final String PURGE = "DELETE FROM outbox_event WHERE published_at < $1";
    private static final String PURGE_INBOX = "DELETE FROM processed_event WHERE processed_at < $1";
    private static final String PURGE_KEYS = "DELETE FROM idempotency_key WHERE created_at < $1";

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final URI source;
    private final int batchSize;
    private final Duration retention;
    private final Duration inboxRetention;
    private final Duration keyRetention;
    private final Duration pollInterval;
    private final Duration startDelay;
    private final Duration sweepInterval;
    private final AtomicBoolean pending = new AtomicBoolean(true);
    private volatile long lastAppendNanos = System.nanoTime();
    private final AtomicBoolean running = new AtomicBoolean(false);

    OutboxRelay(Pool pool, @Channel("outbox") MutinyEmitter<String> emitter,
            @ConfigProperty(name = "quarkus.application.name") String application,
            @ConfigProperty(name = "kit.outbox.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "kit.outbox.retention", defaultValue = "P7D") Duration retention,
            // Longer than the topics keep records (7 days), so a redelivered event is always recognised.
            @ConfigProperty(name = "kit.inbox.retention", defaultValue = "P14D") Duration inboxRetention,
            @ConfigProperty(name = "kit.idempotency.retention", defaultValue = "P7D") Duration keyRetention,
            @ConfigProperty(name = "kit.outbox.poll-interval", defaultValue = "0.05s") Duration pollInterval,
            @ConfigProperty(name = "kit.outbox.start-delay", defaultValue = "1s") Duration startDelay,
            @ConfigProperty(name = "kit.outbox.sweep-interval", defaultValue = "5s") Duration sweepInterval) {
        this.pool = pool;
        this.emitter = emitter;
        this.source = URI.create("/" + application);
        this.batchSize = batchSize;
        this.retention = retention;
        this.inboxRetention = inboxRetention;
        this.keyRetention = keyRetention;
        this.pollInterval = pollInterval;
        this.startDelay = startDelay;
        this.sweepInterval = sweepInterval;
    }

    /**
     * Called when a row is appended, before its transaction commits: the relay keeps looking for a moment (one
     * second), so it does not find the table empty just before the commit and leave the row to the next sweep.
     */
    void wakeUp() {
        lastAppendNanos = System.nanoTime();
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
        boolean recentAppend = System.nanoTime() - lastAppendNanos < WAKE_WINDOW_NANOS;
        if (!pending.getAndSet(false) && !recentAppend) {
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

    /** Published events, remembered event ids and idempotency keys are kept for their retention, then dropped. */
    @Scheduled(every = "1h", delayed = "1m")
    Uni<Void> purge() {
        Instant now = Instant.now();
        return pool.preparedQuery(PURGE).execute(Tuple.of(now.minus(retention).atOffset(ZoneOffset.UTC)))
                .chain(() -> pool.preparedQuery(PURGE_INBOX)
                        .execute(Tuple.of(now.minus(inboxRetention).atOffset(ZoneOffset.UTC))))
                .chain(() -> pool.preparedQuery(PURGE_KEYS)
                        .execute(Tuple.of(now.minus(keyRetention).atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    public Uni<Void> drain() {
        return pool.withTransaction(this::publishBatch)
                .chain(published -> published == batchSize ? drain() : Uni.createFrom().voidItem());
    }

    private Uni<Integer> publishBatch(SqlConnection connection) {
        return connection.query(SINGLE_RELAY).execute()
                .chain(locked -> locked.iterator().next().getBoolean(0)
                        ? claimAndPublish(connection)
                        : Uni.createFrom().item(0));
    }

    private Uni<Integer> claimAndPublish(SqlConnection connection) {
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
