package com.busanev.kit.outbox;

import com.busanev.kit.lifecycle.Stopping;
import com.busanev.kit.locks.AdvisoryLock;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka in the order they were written and marks each published once the
 * broker acknowledged it. While Kafka is away the rows wait and the relay backs off; nothing is lost and nothing
 * is published twice except after a crash between ack and mark, which the consumers' inbox absorbs (same id).
 * <p>
 * One order's rows go out one after another (the next is sent once the previous is acknowledged), so a record
 * Kafka refuses never lets a later event of its order overtake it. A refused row is retried with back-off and,
 * after {@code kit.outbox.max-attempts} refusals or at once when it can never pass, parked for an operator; the
 * later rows of its subject wait behind it, every other subject flows on.
 * <p>
 * One replica relays at a time ({@link AdvisoryLock#OUTBOX_RELAY}): two replicas draining the same backlog side
 * by side could put an order's OrderCancelRequested on the topic before its OrderPlaced.
 */
@ApplicationScoped
public class OutboxRelay {
    /** The Kafka channel of the relay (mp.messaging.outgoing.outbox.*); each record names its topic. */
    static final String CHANNEL = "outbox";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** How long after an append the relay keeps looking: the append happens before its transaction commits. */
    private static final long WAKE_WINDOW_NANOS = Duration.ofSeconds(1).toNanos();
    /**
     * Unpublished rows that are neither parked nor waiting out a back-off, and have no earlier row of their subject
     * that is (the partial index outbox_event_refused finds those by subject).
     */
    private static final String CLAIM = """
            SELECT id, topic, event_type, subject, payload, occurred_at, attempts FROM outbox_event e
            WHERE published_at IS NULL AND parked_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= now())
              AND NOT EXISTS (SELECT 1 FROM outbox_event held
                              WHERE held.subject = e.subject AND held.seq < e.seq
                                AND held.published_at IS NULL AND held.attempts > 0
                                AND (held.parked_at IS NOT NULL OR held.next_attempt_at > now()))
            ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED""";
    private static final String MARK = "UPDATE outbox_event SET published_at = now() WHERE id = ANY($1)";
    private static final String REFUSED = """
            UPDATE outbox_event SET attempts = attempts + 1, last_error = $2,
                next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1""";
    private static final String PARK = """
            UPDATE outbox_event SET attempts = attempts + 1, last_error = $2, park_reason = $3, parked_at = now(),
                next_attempt_at = NULL WHERE id = $1""";

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final URI source;
    private final OutboxConfig config;
    private final Stopping stopping;
    /** The relay's Vert.x timers, cancelled at shutdown so no drain starts on a closing pool. */
    private final List<Long> timers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean pending = new AtomicBoolean(true);
    private volatile long lastAppendNanos = System.nanoTime();
    private final AtomicBoolean running = new AtomicBoolean(false);
    /** Drains that failed in a row (Kafka or the database away); read and written only by the running drain. */
    private int failedDrains;
    private volatile long resumeAtNanos = System.nanoTime();

    OutboxRelay(Pool pool, @Channel(CHANNEL) MutinyEmitter<String> emitter,
            @ConfigProperty(name = "quarkus.application.name") String application, OutboxConfig config,
            Stopping stopping) {
        this.pool = pool;
        this.stopping = stopping;
        this.emitter = emitter;
        this.source = URI.create("/" + application);
        this.config = config;
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
        timers.add(vertx.setTimer(config.startDelay().toMillis(), first -> {
            timers.add(vertx.setPeriodic(config.pollInterval().toMillis(), tick -> relay()));
            // A safety net for rows committed by another replica or before a restart, and rows whose back-off ended.
            timers.add(vertx.setPeriodic(config.sweepInterval().toMillis(), tick -> pending.set(true)));
        }));
    }

    void stop(@Observes ShutdownEvent shutdown, Vertx vertx) {
        timers.forEach(vertx::cancelTimer);
    }

    private void relay() {
        boolean recentAppend = System.nanoTime() - lastAppendNanos < WAKE_WINDOW_NANOS;
        if (System.nanoTime() - resumeAtNanos < 0 || !pending.getAndSet(false) && !recentAppend) {
            return;
        }
        if (stopping.now() || !running.compareAndSet(false, true)) {
            pending.set(true);
            return;
        }
        // A drain cut off by the shutdown is not a failure: its rows stay unpublished for the next start.
        stopping.quietly(drain()).subscribe().with(ignored -> {
            resumed();
            running.set(false);
        }, failure -> {
            paused(failure);
            running.set(false);
        });
    }

    /** Warns once when the relay stops, then retries with back-off and says when it is going again. */
    private void paused(Throwable failure) {
        failedDrains++;
        Duration wait = config.backoff().after(failedDrains);
        resumeAtNanos = System.nanoTime() + wait.toNanos();
        pending.set(true);
        if (failedDrains == 1) {
            LOG.warnf("outbox relay paused, retrying with back-off up to %s: %s", config.backoff().max(),
                    failure.getMessage());
        } else {
            LOG.debugf("outbox relay still paused (%d failed attempts), next in %s: %s", failedDrains, wait,
                    failure.getMessage());
        }
    }

    private void resumed() {
        if (failedDrains > 0) {
            LOG.infof("outbox relay resumed after %d failed attempts", failedDrains);
            failedDrains = 0;
        }
    }

    /** Publishes batches until the backlog is drained; fails, after committing what was acked, if Kafka is away. */
    public Uni<Void> drain() {
        return pool.withTransaction(this::publishBatch).chain(batch -> {
            if (batch.unavailable().isPresent()) {
                return Uni.createFrom().failure(batch.unavailable().get());
            }
            return batch.claimed() == config.batchSize() ? drain() : Uni.createFrom().voidItem();
        });
    }

    /** A claimed row. */
    private record Claimed(UUID id, String topic, String eventType, String subject, String payload,
            OffsetDateTime occurredAt, int attempts) {
        static Claimed of(Row row) {
            return new Claimed(row.getUUID("id"), row.getString("topic"), row.getString("event_type"),
                    row.getString("subject"), row.getString("payload"), row.getOffsetDateTime("occurred_at"),
                    row.getInteger("attempts"));
        }
    }

    /** What became of a sent row: acknowledged when {@code failure} is null. */
    private record Sent(Claimed row, Throwable failure) {
    }

    /** How many rows a batch claimed, and the failure that says Kafka is away, if one did. */
    private record Batch(int claimed, Optional<Throwable> unavailable) {
    }

    private Uni<Batch> publishBatch(SqlConnection connection) {
        return connection.query(AdvisoryLock.OUTBOX_RELAY.tryXactLock()).execute()
                .chain(locked -> locked.iterator().next().getBoolean(0)
                        ? claimAndPublish(connection)
                        : Uni.createFrom().item(new Batch(0, Optional.empty())));
    }

    private Uni<Batch> claimAndPublish(SqlConnection connection) {
        return connection.preparedQuery(CLAIM).execute(Tuple.of(config.batchSize())).chain(rows -> {
            Map<String, List<Claimed>> bySubject = new LinkedHashMap<>();
            for (Row row : rows) {
                Claimed claimed = Claimed.of(row);
                bySubject.computeIfAbsent(claimed.subject(), subject -> new ArrayList<>()).add(claimed);
            }
            if (bySubject.isEmpty()) {
                return Uni.createFrom().item(new Batch(0, Optional.empty()));
            }
            List<Uni<List<Sent>>> subjects = bySubject.values().stream().map(this::sendInOrder).toList();
            return Uni.join().all(subjects).andFailFast()
                    .chain(sent -> record(connection, sent.stream().flatMap(List::stream).toList()))
                    .map(unavailable -> new Batch(rows.size(), unavailable));
        });
    }

    /** Sends one subject's rows one after another, stopping at the first that fails: later ones stay unsent. */
    private Uni<List<Sent>> sendInOrder(List<Claimed> rows) {
        Claimed first = rows.get(0);
        return emitter.sendMessage(toMessage(first)).onItemOrFailure().transformToUni((ignored, failure) -> {
            if (failure != null) {
                return Uni.createFrom().item(List.of(new Sent(first, failure)));
            }
            if (rows.size() == 1) {
                return Uni.createFrom().item(List.of(new Sent(first, null)));
            }
            return sendInOrder(rows.subList(1, rows.size())).map(rest -> {
                List<Sent> all = new ArrayList<>(rest.size() + 1);
                all.add(new Sent(first, null));
                all.addAll(rest);
                return all;
            });
        });
    }

    /**
     * Marks the acknowledged rows published and charges the refused ones, in the batch's transaction; returns a
     * failure that says Kafka is away, for the relay to back off after the commit.
     */
    private Uni<Optional<Throwable>> record(SqlConnection connection, List<Sent> sent) {
        UUID[] acked = sent.stream().filter(s -> s.failure() == null).map(s -> s.row().id()).toArray(UUID[]::new);
        List<Tuple> refused = new ArrayList<>();
        List<Tuple> parked = new ArrayList<>();
        Optional<Throwable> unavailable = Optional.empty();
        for (Sent s : sent) {
            if (s.failure() == null) {
                continue;
            }
            SendFailure kind = SendFailure.of(s.failure());
            int attempt = s.row().attempts() + 1;
            String error = describe(s.failure());
            if (kind == SendFailure.UNAVAILABLE) {
                unavailable = Optional.of(s.failure());
            } else if (kind == SendFailure.PERMANENT || attempt >= config.maxAttempts()) {
                String reason = kind == SendFailure.PERMANENT ? error
                        : "refused " + attempt + " times, last: " + error;
                parked.add(Tuple.of(s.row().id(), error, reason));
                LOG.errorf("outbox event %s (%s, subject %s, topic %s) parked: %s. Later events of the subject wait"
                        + " behind it until an operator unparks it (docs/architecture.md, Operations)",
                        s.row().id(), s.row().eventType(), s.row().subject(), s.row().topic(), reason);
            } else {
                Duration wait = config.backoff().after(attempt);
                refused.add(Tuple.of(s.row().id(), error, wait.toMillis() / 1000.0));
                // One warning per row, with the stack trace; its retries (bounded by max-attempts) stay at debug.
                if (attempt == 1) {
                    LOG.warnf(s.failure(), "outbox event %s (%s, subject %s) refused by Kafka, retrying with back-off:"
                            + " %s", s.row().id(), s.row().eventType(), s.row().subject(), error);
                } else {
                    LOG.debugf("outbox event %s refused again (attempt %d of %d): %s", s.row().id(), attempt,
                            config.maxAttempts(), error);
                }
            }
        }
        Optional<Throwable> outcome = unavailable;
        return (acked.length == 0 ? Uni.createFrom().voidItem()
                : connection.preparedQuery(MARK).execute(Tuple.of(acked)).replaceWithVoid())
                .chain(() -> executeBatch(connection, REFUSED, refused))
                .chain(() -> executeBatch(connection, PARK, parked))
                .replaceWith(outcome);
    }

    private static Uni<Void> executeBatch(SqlConnection connection, String sql, List<Tuple> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery(sql).executeBatch(rows).replaceWithVoid();
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    private Message<String> toMessage(Claimed row) {
        return Message.of(row.payload())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(row.topic())
                        .withKey(row.subject())
                        .build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(row.id().toString())
                        .withSource(source)
                        .withType(row.eventType())
                        .withSubject(row.subject())
                        .withTimestamp(row.occurredAt().toZonedDateTime())
                        .withDataContentType("application/json")
                        .build());
    }
}
