package com.busanev.kit.webhook;

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
 * Counted every {@code kit.webhooks.backlog-refresh}: the pending deliveries behind the {@link WebhookMetrics} gauges,
 * and whether any subscription exists at all. While none does, the recorder reads its events without a transaction
 * (nothing can be owed), so a service without subscribers (the benchmarks, the fault-injection run) pays nothing for
 * webhooks but reading the topics.
 */
@ApplicationScoped
public class WebhookBacklog {
    private static final Logger LOG = Logger.getLogger(WebhookBacklog.class);
    private static final String COUNT = """
            SELECT (SELECT count(*) FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
                    WHERE d.status = 'PENDING') AS pending,
                   (SELECT coalesce(extract(epoch FROM now() - min(d.created_at)), 0)::float8
                    FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id AND s.enabled
                    WHERE d.status = 'PENDING') AS oldest,
                   EXISTS (SELECT 1 FROM webhook_subscription) AS subscribed""";

    private final Pool pool;
    private final WebhookConfig config;
    private volatile long timer = -1;
    private volatile long pending;
    private volatile long oldestPendingAgeSeconds;
    /** True until counted, so nothing is skipped before the first count. */
    private volatile boolean subscribed = true;

    WebhookBacklog(Pool pool, WebhookConfig config) {
        this.pool = pool;
        this.config = config;
    }

    void start(@Observes StartupEvent startup, Vertx vertx, MeterRegistry registry) {
        if (!config.enabled()) {
            return;
        }
        Gauge.builder(WebhookMetrics.PENDING, this, backlog -> backlog.pending)
                .description("Webhook deliveries not delivered yet").strongReference(true).register(registry);
        Gauge.builder(WebhookMetrics.OLDEST_PENDING_AGE_SECONDS, this, backlog -> backlog.oldestPendingAgeSeconds)
                .description("Age of the oldest pending webhook delivery of an enabled subscription, 0 when none")
                .strongReference(true).register(registry);
        refresh();
        timer = vertx.setPeriodic(config.backlogRefresh().toMillis(), tick -> refresh());
    }

    void stop(@Observes ShutdownEvent shutdown, Vertx vertx) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /**
     * Whether a subscription may exist. A subscription created on another replica is seen here at the next count,
     * so its first events may be those of up to {@code backlog-refresh} later (docs/partner-integration.md).
     */
    boolean anySubscription() {
        return subscribed;
    }

    /** A subscription was created here: record from now on, without waiting for the count. */
    void subscribed() {
        subscribed = true;
    }

    private void refresh() {
        pool.query(COUNT).execute().subscribe().with(rows -> {
            Row row = rows.iterator().next();
            pending = row.getLong("pending");
            oldestPendingAgeSeconds = (long) Math.floor(row.getDouble("oldest"));
            subscribed = row.getBoolean("subscribed");
        }, failure -> LOG.debugf("webhook backlog not counted: %s", failure.getMessage()));
    }
}
