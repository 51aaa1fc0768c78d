package com.busanev.kit.webhook;

import com.busanev.kit.lifecycle.Stopping;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.ext.web.codec.BodyCodec;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries to the partners' endpoints, off every consumer's and request's path: a Vert.x timer
 * ({@code kit.webhooks.poll-interval}) and each answer wake it; it claims due deliveries in a short transaction and
 * sends them without one.
 * <ul>
 * <li><b>Order per key</b>: a delivery is claimed only when no earlier pending delivery (by event time, then
 * creation) of its subscription and ordering key exists, so an order's next event waits until the previous one was
 * answered with a 2xx; other orders go on.</li>
 * <li><b>Several replicas</b>: the claim locks with {@code FOR UPDATE SKIP LOCKED} and sets the delivery's next
 * attempt to the end of a lease ({@code kit.webhooks.lease}) in the same statement; a replica that dies mid-delivery
 * leaves it due again when the lease ends, and it is sent again (at least once).</li>
 * <li><b>Lanes</b>: at most {@code kit.webhooks.per-endpoint-concurrency} requests per subscription are in flight
 * from a replica; a claim takes for each subscription only what its lane has room for, so an endpoint that hangs
 * (until {@code kit.webhooks.request-timeout}) or fails fills its own lane and no other. A delivered event's slot
 * goes on with its key's next due event, claimed in the statement that records the delivery: a backlog is sent
 * at one statement per event, the claim (which reads every pending key's head) runs only to fill a freed slot.</li>
 * <li><b>Retries</b>: a failure (no 2xx, a timeout, a refused connection, an endpoint that no longer passes the SSRF
 * policy) is retried after {@code kit.webhooks.retry.delays}; once a delivery has failed for
 * {@code kit.webhooks.retry.give-up-after} since its first attempt, its subscription is disabled (WARN, the
 * {@code webhook.subscription.disabled} notice sent once, best effort) and the delivery stays pending, first in
 * line when the partner enables the subscription again.</li>
 * </ul>
 */
@ApplicationScoped
public class WebhookSender {
    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    /** The type of the notice sent when a subscription is disabled. */
    public static final String DISABLED_NOTICE_TYPE = "webhook.subscription.disabled";
    /**
     * Due deliveries of enabled subscriptions whose key has no earlier pending delivery, at most what each lane has
     * room for ($1/$2: this replica's busy lanes and their requests in flight, $3: a lane's size, $4: the batch),
     * claimed for the lease ($5 seconds). The lock re-checks that the delivery is still due: a delivery another
     * replica claimed and committed meanwhile is not due any more.
     */
    private static final String CLAIM = """
            WITH due AS (
                SELECT d.id, d.next_attempt_at, coalesce(busy.n, 0) AS busy,
                       row_number() OVER (PARTITION BY d.subscription_id ORDER BY d.event_time, d.seq) AS rank
                FROM webhook_delivery d
                JOIN webhook_subscription s ON s.id = d.subscription_id AND s.enabled
                LEFT JOIN unnest($1::uuid[], $2::int[]) AS busy(id, n) ON busy.id = d.subscription_id
                WHERE d.status = 'PENDING' AND d.next_attempt_at <= now()
                  AND NOT EXISTS (SELECT 1 FROM webhook_delivery e
                                  WHERE e.subscription_id = d.subscription_id AND e.ordering_key = d.ordering_key
                                    AND e.status = 'PENDING' AND (e.event_time, e.seq) < (d.event_time, d.seq))),
            chosen AS (SELECT id FROM due WHERE rank <= $3 - busy ORDER BY next_attempt_at LIMIT $4),
            locked AS (SELECT id FROM webhook_delivery
                       WHERE id IN (SELECT id FROM chosen) AND status = 'PENDING' AND next_attempt_at <= now()
                       FOR UPDATE SKIP LOCKED)
            UPDATE webhook_delivery d SET attempts = d.attempts + 1, last_attempt_at = now(),
                first_attempt_at = coalesce(d.first_attempt_at, now()),
                next_attempt_at = now() + make_interval(secs => $5)
            FROM webhook_subscription s
            WHERE d.id IN (SELECT id FROM locked) AND s.id = d.subscription_id
            RETURNING d.id, d.subscription_id, d.event_id, d.event_type, d.payload, d.attempts, d.first_attempt_at,
                      now() AS claimed_at, s.url, s.secret, s.previous_secret, s.previous_secret_expires_at""";
    /**
     * The delivery answered with a 2xx ($1, its status code $2 and latency $3 ms) and, in the same statement, the next
     * pending delivery of its subscription and key if it is due, claimed for the lease ($4 seconds): the lane goes on
     * with the key's next event without waiting for a claim. The successor is read in the statement's snapshot, where
     * the delivered row is still pending, hence {@code id <> $1}; no other claim can hold it (it was not a head).
     */
    private static final String DELIVERED_AND_NEXT = """
            WITH done AS (
                UPDATE webhook_delivery SET status = 'DELIVERED', delivered_at = now(), next_attempt_at = NULL,
                    last_status_code = $2, last_latency_ms = $3, last_error = NULL
                WHERE id = $1
                RETURNING subscription_id, ordering_key),
            following AS (
                SELECT d.id, d.next_attempt_at FROM webhook_delivery d JOIN done
                  ON d.subscription_id = done.subscription_id AND d.ordering_key = done.ordering_key
                WHERE d.status = 'PENDING' AND d.id <> $1
                ORDER BY d.event_time, d.seq LIMIT 1
                FOR UPDATE OF d)
            UPDATE webhook_delivery d SET attempts = d.attempts + 1, last_attempt_at = now(),
                first_attempt_at = coalesce(d.first_attempt_at, now()),
                next_attempt_at = now() + make_interval(secs => $4)
            FROM webhook_subscription s
            WHERE d.id IN (SELECT id FROM following WHERE next_attempt_at <= now()) AND s.id = d.subscription_id AND s.enabled
            RETURNING d.id, d.subscription_id, d.event_id, d.event_type, d.payload, d.attempts, d.first_attempt_at,
                      now() AS claimed_at, s.url, s.secret, s.previous_secret, s.previous_secret_expires_at""";
    /** A failed attempt of the claim that made it ($6 attempts): a later claim after a lapsed lease owns it now. */
    private static final String FAILED = """
            UPDATE webhook_delivery SET next_attempt_at = now() + make_interval(secs => $2),
                last_status_code = $3, last_latency_ms = $4, last_error = $5
            WHERE id = $1 AND attempts = $6 AND status = 'PENDING'""";
    private static final String DISABLE = """
            UPDATE webhook_subscription SET enabled = false, disabled_at = now(), disabled_reason = $2, updated_at = now()
            WHERE id = $1 AND enabled RETURNING owner, url""";
    private final Pool pool;
    private final WebhookConfig config;
    private final WebhookEndpoints endpoints;
    private final Stopping stopping;
    private final Vertx vertx;
    private final String source;
    private final MeterRegistry registry;
    private final Counter disabled;
    private WebClient client;
    /** Requests in flight per subscription from this replica: its lane. */
    private final Map<UUID, Integer> inFlight = new ConcurrentHashMap<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Long> timers = new ArrayList<>();
    private volatile boolean failing;

    WebhookSender(Pool pool, WebhookConfig config, WebhookEndpoints endpoints, Stopping stopping, Vertx vertx,
            @ConfigProperty(name = "quarkus.application.name") String application, MeterRegistry registry) {
        this.pool = pool;
        this.config = config;
        this.endpoints = endpoints;
        this.stopping = stopping;
        this.vertx = vertx;
        this.source = "/" + application;
        this.registry = registry;
        this.disabled = Counter.builder(WebhookMetrics.DISABLED)
                .description("Webhook subscriptions disabled after a delivery kept failing").register(registry);
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            return;
        }
        client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                // an endpoint must answer itself: a redirect could lead anywhere, the SSRF policy included
                .setFollowRedirects(false)
                .setMaxPoolSize(config.perEndpointConcurrency())
                .setUserAgent("busan-ev-webhooks" + source));
        timers.add(vertx.setPeriodic(config.pollInterval().toMillis(), tick -> wakeUp()));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        timers.forEach(vertx::cancelTimer);
    }

    /** Looks for due deliveries now, or once the running look ended. */
    public void wakeUp() {
        pending.set(true);
        claimAndSend();
    }

    private void claimAndSend() {
        if (stopping.now() || client == null || !running.compareAndSet(false, true)) {
            return;
        }
        pending.set(false);
        stopping.quietly(claim()).subscribe().with(claimed -> {
            recovered();
            if (claimed != null) {
                claimed.forEach(this::send);
                // a full claim may have left due deliveries behind
                pending.compareAndSet(false, claimed.size() == config.claimBatch());
            }
            ended();
        }, failure -> {
            if (!failing) {
                failing = true;
                LOG.warnf("webhook sender cannot claim deliveries, trying again every %s: %s", config.pollInterval(),
                        failure.getMessage());
            }
            ended();
        });
    }

    private void ended() {
        running.set(false);
        if (pending.get()) {
            claimAndSend();
        }
    }

    private void recovered() {
        if (failing) {
            failing = false;
            LOG.info("webhook sender claims deliveries again");
        }
    }

    /** A claimed delivery with what sending it needs. */
    private record Claimed(UUID id, UUID subscriptionId, String eventId, String eventType, String payload,
            int attempts, OffsetDateTime firstAttemptAt, OffsetDateTime claimedAt, String url, List<String> secrets) {
        static Claimed of(Row row) {
            List<String> secrets = new ArrayList<>(2);
            secrets.add(row.getString("secret"));
            OffsetDateTime claimedAt = row.getOffsetDateTime("claimed_at");
            OffsetDateTime previousExpires = row.getOffsetDateTime("previous_secret_expires_at");
            if (row.getString("previous_secret") != null && previousExpires != null && claimedAt.isBefore(previousExpires)) {
                secrets.add(row.getString("previous_secret"));
            }
            return new Claimed(row.getUUID("id"), row.getUUID("subscription_id"), row.getString("event_id"),
                    row.getString("event_type"), row.getString("payload"), row.getInteger("attempts"),
                    row.getOffsetDateTime("first_attempt_at"), claimedAt, row.getString("url"), secrets);
        }
    }

    private Uni<List<Claimed>> claim() {
        Map<UUID, Integer> busy = new LinkedHashMap<>(inFlight);
        Tuple parameters = Tuple.tuple()
                .addArrayOfUUID(busy.keySet().toArray(UUID[]::new))
                .addArrayOfInteger(busy.values().toArray(Integer[]::new))
                .addInteger(config.perEndpointConcurrency())
                .addInteger(config.claimBatch())
                .addDouble(config.lease().toMillis() / 1000.0);
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM).execute(parameters))
                .map(rows -> {
                    List<Claimed> claimed = new ArrayList<>(rows.size());
                    rows.forEach(row -> claimed.add(Claimed.of(row)));
                    claimed.forEach(delivery -> inFlight.merge(delivery.subscriptionId(), 1, Integer::sum));
                    return claimed;
                });
    }

    /** What an attempt came to: a status code (null when there was no answer) or the error, and its latency. */
    private record Outcome(Integer statusCode, String error, long latencyMs, String kind) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    /**
     * Sends the delivery and, while each is answered with a 2xx and its key has a due successor, the key's next ones in
     * the same lane slot; the slot is freed (and the sender woken to fill it) when the key's chain ends.
     */
    private void send(Claimed delivery) {
        attempt(delivery)
                .onTermination().invoke((next, failure, cancelled) -> {
                    if (next != null && failure == null && !cancelled && !stopping.now()) {
                        send(next);
                    } else {
                        inFlight.computeIfPresent(delivery.subscriptionId(), (id, n) -> n > 1 ? n - 1 : null);
                        wakeUp();
                    }
                })
                .subscribe().with(ignored -> {
                }, failure -> LOG.debugf("webhook delivery %s: outcome not recorded (%s); due again after its lease",
                        delivery.id(), failure.getMessage()));
    }

    /** One attempt, its outcome recorded; the key's next delivery when this one was delivered and the next is due. */
    private Uni<Claimed> attempt(Claimed delivery) {
        long started = System.nanoTime();
        return endpoints.refusal(delivery.url())
                .chain(refusal -> refusal.isPresent()
                        ? Uni.createFrom().item(new Outcome(null, "endpoint refused: the URL " + refusal.get(), 0,
                                WebhookMetrics.REFUSED))
                        : post(delivery.url(), delivery.eventId(), delivery.payload(), delivery.secrets())
                                .map(response -> new Outcome(response, response >= 200 && response < 300 ? null
                                        : "answered " + response, elapsedMs(started), WebhookMetrics.FAILED))
                                .onFailure().recoverWithItem(e -> new Outcome(null, describe(e), elapsedMs(started),
                                        WebhookMetrics.FAILED)))
                .chain(outcome -> record(delivery, outcome));
    }

    /** One signed POST; the answer's status code (its body is not read). */
    private Uni<Integer> post(String url, String id, String body, List<String> secrets) {
        long timestamp = WebhookClock.WALL.instant().getEpochSecond();
        return client.postAbs(url)
                .timeout(config.requestTimeout().toMillis())
                .putHeader(HttpHeaders.CONTENT_TYPE.toString(), StructuredCloudEvent.MEDIA_TYPE + "; charset=utf-8")
                .putHeader(WebhookSignature.ID_HEADER, id)
                .putHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .putHeader(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.header(secrets, id, timestamp, body))
                .as(BodyCodec.none())
                .sendBuffer(Buffer.buffer(body))
                .map(response -> response.statusCode());
    }

    /** Records the outcome; after a 2xx, the key's next delivery if one is due (claimed), else null. */
    private Uni<Claimed> record(Claimed delivery, Outcome outcome) {
        registry.counter(WebhookMetrics.ATTEMPTS, WebhookMetrics.OUTCOME,
                outcome.delivered() ? WebhookMetrics.DELIVERED : outcome.kind()).increment();
        if (outcome.delivered()) {
            return pool.preparedQuery(DELIVERED_AND_NEXT).execute(Tuple.of(delivery.id(), outcome.statusCode(),
                    (int) outcome.latencyMs(), config.lease().toMillis() / 1000.0))
                    .map(rows -> rows.size() == 0 ? null : Claimed.of(rows.iterator().next()));
        }
        Duration failingFor = Duration.between(delivery.firstAttemptAt(), delivery.claimedAt());
        boolean giveUp = failingFor.compareTo(config.retry().giveUpAfter()) >= 0;
        // given up, the delivery is due at once: first in line once the subscription is enabled again
        Duration wait = giveUp ? Duration.ZERO : config.retry().after(delivery.attempts());
        LOG.debugf("webhook delivery %s (%s) attempt %d to %s failed: %s", delivery.id(), delivery.eventType(),
                delivery.attempts(), delivery.url(), outcome.error());
        Uni<Void> failed = pool.preparedQuery(FAILED).execute(Tuple.tuple().addUUID(delivery.id())
                .addDouble(wait.toMillis() / 1000.0).addInteger(outcome.statusCode())
                .addInteger((int) outcome.latencyMs()).addString(outcome.error()).addInteger(delivery.attempts()))
                .replaceWithVoid();
        return (giveUp ? failed.chain(() -> disable(delivery, failingFor, outcome.error())) : failed).replaceWith((Claimed) null);
    }

    private Uni<Void> disable(Claimed delivery, Duration failingFor, String error) {
        String reason = "delivery of " + delivery.eventType() + " " + delivery.eventId() + " failed for " + failingFor
                + " (" + delivery.attempts() + " attempts), last: " + error;
        return pool.preparedQuery(DISABLE).execute(Tuple.of(delivery.subscriptionId(), reason)).invoke(rows -> {
            if (rows.size() == 0) {
                return; // disabled already (by another delivery, a replica, or the partner)
            }
            Row row = rows.iterator().next();
            disabled.increment();
            LOG.warnf("webhook subscription %s of %s (%s) disabled: %s. Its deliveries wait until it is enabled again "
                    + "(PATCH enabled=true)", delivery.subscriptionId(), row.getString("owner"), row.getString("url"),
                    reason);
            notice(delivery, reason);
        }).replaceWithVoid();
    }

    /** The {@code webhook.subscription.disabled} notice: one signed attempt, its outcome only logged. */
    private void notice(Claimed delivery, String reason) {
        String id = UUID.randomUUID().toString();
        Instant now = WebhookClock.WALL.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("specversion", "1.0");
        body.put("id", id);
        body.put("source", source);
        body.put("type", DISABLED_NOTICE_TYPE);
        body.put("subject", delivery.subscriptionId().toString());
        body.put("time", now);
        body.put("datacontenttype", "application/json");
        body.put("data", Map.of("subscriptionId", delivery.subscriptionId(), "reason", reason, "disabledAt", now));
        endpoints.refusal(delivery.url())
                .chain(refusal -> refusal.isPresent() ? Uni.createFrom().item(0)
                        : post(delivery.url(), id, StructuredCloudEvent.write(body), delivery.secrets()))
                .subscribe().with(status -> LOG.infof("webhook subscription %s: disabled notice answered %d",
                        delivery.subscriptionId(), status),
                        failure -> LOG.infof("webhook subscription %s: disabled notice not delivered: %s",
                                delivery.subscriptionId(), failure.getMessage()));
    }

    private static long elapsedMs(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
