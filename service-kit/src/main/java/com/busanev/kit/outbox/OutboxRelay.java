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
import java.util.function.IntFunction;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka in the order they were written and marks them published once the broker
 * acknowledged them. While Kafka is away the rows wait and the relay backs off; nothing is lost and nothing is
 * published twice except after a crash between ack and mark, which the consumers' inbox absorbs (same id).
 * <p>
 * Woken at commit: the outbox table's trigger notifies {@link OutboxNotifications#CHANNEL} when a transaction that
 * appended rows commits, and the relay drains. A slow sweep ({@code kit.outbox.sweep-interval}) is the safety net
 * for what no notification announces: rows of another replica's turn, back-offs that ended, unparked rows, a
 * notification lost while the listening connection was reconnecting.
 * <p>
 * A drain claims a batch, sends all of it at once (the producer batches and compresses the records) and marks the
 * acknowledged rows in one statement. Only one order's rows go one after another (the next is sent once the
 * previous is acknowledged), so a record Kafka refuses never lets a later event of its order overtake it. A refused
 * row is retried with back-off and, after {@code kit.outbox.max-attempts} refusals or at once when it can never
 * pass, parked for an operator; the later rows of its subject wait behind it, every other subject flows on.
 * <p>
 * One replica relays at a time ({@link AdvisoryLock#OUTBOX_RELAY}): two replicas draining the same backlog side
 * by side could put an order's OrderCancelRequested on the topic before its OrderPlaced.
 */
@ApplicationScoped
public class OutboxRelay {
    /** The Kafka channel of the relay (mp.messaging.outgoing.outbox.*); each record names its topic. */
    static final String CHANNEL = "outbox";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /**
     * Unpublished rows that are neither parked nor waiting out a back-off, and have no earlier row of their subject
     * that is. The subjects held back are found once per claim (a materialized CTE, normally empty: the partial index
     * outbox_event_refused), not once per candidate row: when a burst fills the table faster than autoanalyze follows,
     * the statistics still say "no unpublished rows" and a correlated NOT EXISTS was planned as a scan of every
     * unpublished row for each candidate, quadratic in the backlog (claims of 10-35 s at 90k rows in the flow
     * benchmark; docs/benchmarks).
     */
    private static final String CLAIM = """
            WITH held AS MATERIALIZED (
                SELECT subject, min(seq) AS seq FROM outbox_event
                WHERE published_at IS NULL AND attempts > 0 AND (parked_at IS NOT NULL OR next_attempt_at > now())
                GROUP BY subject)
            SELECT id, topic, event_type, subject, payload, occurred_at, attempts FROM outbox_event e
            WHERE published_at IS NULL AND parked_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= now())
              AND NOT EXISTS (SELECT 1 FROM held WHERE held.subject = e.subject AND held.seq < e.seq)
            ORDER BY seq LIMIT $1 FOR UPDATE OF e SKIP LOCKED""";
    private static final String MARK = "UPDATE outbox_event SET published_at = now() WHERE id = ANY($1)";
    /** The refused rows of a batch, one statement: ids, errors and back-off waits in seconds, side by side. */
    private static final String REFUSED = """
            UPDATE outbox_event e SET attempts = e.attempts + 1, last_error = r.error,
                next_attempt_at = now() + make_interval(secs => r.wait)
            FROM unnest($1::uuid[], $2::text[], $3::float8[]) AS r(id, error, wait) WHERE e.id = r.id""";
    /** The parked rows of a batch, one statement: ids, errors and reasons side by side. */
    private static final String PARK = """
            UPDATE outbox_event e SET attempts = e.attempts + 1, last_error = r.error, park_reason = r.reason,
                parked_at = now(), next_attempt_at = NULL
            FROM unnest($1::uuid[], $2::text[], $3::text[]) AS r(id, error, reason) WHERE e.id = r.id""";

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final URI source;
    private final OutboxConfig config;
    private final Stopping stopping;
    private final OutboxNotifications notifications;
    private final Vertx vertx;
    /** The relay's Vert.x timers, cancelled at shutdown so no drain starts on a closing pool. */
    private final List<Long> timers = new CopyOnWriteArrayList<>();
    /** A wake-up no drain has looked at yet: a drain running when it came looks again once it ends. */
    private final AtomicBoolean pending = new AtomicBoolean(true);
    private final AtomicBoolean running = new AtomicBoolean(false);
    /** Until the start delay ended, then while backing off: wake-ups wait, the timer that ends the wait drains. */
    private volatile boolean waiting = true;
    /** Drains that failed in a row (Kafka or the database away); read and written only by the running drain. */
    private int failedDrains;

    /**
     * The emitter buffers what the Kafka sink has not yet asked for ({@code max-inflight-messages}, 1,024 by
     * default): the relay itself bounds that to one claimed batch. With the default bounded buffer (128) the rows of
     * a larger batch past it were refused as if Kafka had refused them, and charged attempts (OutboxLargeBatchTest).
     */
    OutboxRelay(Pool pool,
            @Channel(CHANNEL) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<String> emitter,
            @ConfigProperty(name = "quarkus.application.name") String application, OutboxConfig config,
            Stopping stopping, OutboxNotifications notifications, Vertx vertx) {
        this.pool = pool;
        this.stopping = stopping;
        this.emitter = emitter;
        this.source = URI.create("/" + application);
        this.config = config;
        this.notifications = notifications;
        this.vertx = vertx;
    }

    /** After the start delay: listens for commits, drains what is there, and sweeps. */
    void start(@Observes StartupEvent startup) {
        timers.add(vertx.setTimer(config.startDelay().toMillis(), first -> {
            waiting = false;
            notifications.listen(vertx, this::wakeUp);
            wakeUp();
            timers.add(vertx.setPeriodic(config.sweepInterval().toMillis(), tick -> wakeUp()));
        }));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        timers.forEach(vertx::cancelTimer);
    }

    /** Drains now, or once the running drain or the back-off ends; many wake-ups meanwhile make one more drain. */
    private void wakeUp() {
        pending.set(true);
        relay();
    }

    private void relay() {
        if (waiting || stopping.now() || !running.compareAndSet(false, true)) {
            return;
        }
        pending.set(false);
        // A drain cut off by the shutdown is not a failure: its rows stay unpublished for the next start.
        stopping.quietly(drain()).subscribe().with(ignored -> {
            resumed();
            ended();
        }, failure -> {
            paused(failure);
            ended();
        });
    }

    /** A wake-up during the drain may announce rows committed after its last claim: one more drain then. */
    private void ended() {
        running.set(false);
        if (pending.get()) {
            relay();
        }
    }

    /** Warns once when the relay stops, then retries with back-off and says when it is going again. */
    private void paused(Throwable failure) {
        failedDrains++;
        Duration wait = config.backoff().after(failedDrains);
        waiting = true;
        pending.set(true);
        timers.add(vertx.setTimer(wait.toMillis(), resume -> {
            timers.remove(resume);
            waiting = false;
            relay();
        }));
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
    private Uni<Void> drain() {
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
        List<Charge<Double>> refused = new ArrayList<>();
        List<Charge<String>> parked = new ArrayList<>();
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
                parked.add(new Charge<>(s.row().id(), error, reason));
                LOG.errorf("outbox event %s (%s, subject %s, topic %s) parked: %s. Later events of the subject wait"
                        + " behind it until an operator unparks it (docs/architecture.md, Operations)",
                        s.row().id(), s.row().eventType(), s.row().subject(), s.row().topic(), reason);
            } else {
                Duration wait = config.backoff().after(attempt);
                refused.add(new Charge<>(s.row().id(), error, wait.toMillis() / 1000.0));
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
                .chain(() -> charge(connection, REFUSED, refused, Double[]::new))
                .chain(() -> charge(connection, PARK, parked, String[]::new))
                .replaceWith(outcome);
    }

    /** A refusal charged to a row: its error and the back-off wait in seconds, or the reason it is parked. */
    private record Charge<T>(UUID id, String error, T detail) {
    }

    /** Charges the refusals of a batch in one statement, its columns as arrays. */
    private static <T> Uni<Void> charge(SqlConnection connection, String sql, List<Charge<T>> charges,
            IntFunction<T[]> details) {
        if (charges.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple columns = Tuple.of(charges.stream().map(Charge::id).toArray(UUID[]::new),
                charges.stream().map(Charge::error).toArray(String[]::new),
                charges.stream().map(Charge::detail).toArray(details));
        return connection.preparedQuery(sql).execute(columns).replaceWithVoid();
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
