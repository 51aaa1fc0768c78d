package com.busanev.kit.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The outbox's backlog, counted every {@code kit.outbox.backlog-refresh} (not per scrape or health call), behind
 * the {@link OutboxMetrics} gauges and the {@link OutboxHealthCheck}.
 */
@ApplicationScoped
public class OutboxBacklog {
    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);
    /** Reads the partial index of unpublished rows only; written_at is wall-clock time, unlike occurred_at. */
    private static final String COUNT = """
            SELECT count(*) FILTER (WHERE parked_at IS NULL) AS pending,
                   count(*) FILTER (WHERE parked_at IS NOT NULL) AS parked,
                   coalesce(extract(epoch FROM now() - min(written_at) FILTER (WHERE parked_at IS NULL)), 0)::float8
                       AS oldest_pending_age
            FROM outbox_event WHERE published_at IS NULL""";

    /** Pending: unpublished and not parked. The age is in seconds, 0 when nothing is pending. */
    public record Counts(long pending, long parked, long oldestPendingAgeSeconds) {
        static final Counts NONE = new Counts(0, 0, 0);
    }

    private final Pool pool;
    private final OutboxConfig config;
    private volatile long timer = -1;
    private volatile Counts counts = Counts.NONE;

    OutboxBacklog(Pool pool, OutboxConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.config = config;
        Gauge.builder(OutboxMetrics.PENDING_EVENTS, this, backlog -> backlog.counts.pending())
                .description("Outbox rows not yet published and not parked").strongReference(true).register(registry);
        Gauge.builder(OutboxMetrics.OLDEST_PENDING_AGE_SECONDS, this,
                        backlog -> backlog.counts.oldestPendingAgeSeconds())
                .description("Age of the oldest pending outbox row in seconds, 0 when none").strongReference(true)
                .register(registry);
        Gauge.builder(OutboxMetrics.PARKED_EVENTS, this, backlog -> backlog.counts.parked())
                .description("Outbox rows Kafka refused, parked for an operator").strongReference(true)
                .register(registry);
    }

    /** The latest count. */
    public Counts counts() {
        return counts;
    }

    void start(@Observes StartupEvent startup, Vertx vertx) {
        refresh();
        timer = vertx.setPeriodic(config.backlogRefresh().toMillis(), tick -> refresh());
    }

    /** No count on a closing pool. */
    void stop(@Observes ShutdownEvent shutdown, Vertx vertx) {
        vertx.cancelTimer(timer);
    }

    private void refresh() {
        pool.query(COUNT).execute().map(rows -> {
            Row row = rows.iterator().next();
            return new Counts(row.getLong("pending"), row.getLong("parked"),
                    (long) Math.floor(row.getDouble("oldest_pending_age")));
        }).subscribe().with(latest -> counts = latest,
                // The database being away shows in readiness; the previous count stands until it is back.
                failure -> LOG.debugf("outbox backlog not counted: %s", failure.getMessage()));
    }
}
