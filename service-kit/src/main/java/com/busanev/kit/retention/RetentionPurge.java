package com.busanev.kit.retention;

import com.busanev.kit.lifecycle.Stopping;
import com.busanev.kit.outbox.OutboxConfig;
import com.busanev.kit.webhook.WebhookConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Published events, remembered event ids, idempotency keys and delivered webhooks (the partners' delivery log) are
 * kept for their retention, then dropped. A webhook still pending is never dropped.
 */
@ApplicationScoped
public class RetentionPurge {
    private static final String PURGE_OUTBOX = "DELETE FROM outbox_event WHERE published_at < $1";
    private static final String PURGE_INBOX = "DELETE FROM processed_event WHERE processed_at < $1";
    private static final String PURGE_KEYS = "DELETE FROM idempotency_key WHERE created_at < $1";
    private static final String PURGE_WEBHOOKS = "DELETE FROM webhook_delivery WHERE status = 'DELIVERED' AND delivered_at < $1";

    private final Pool pool;
    private final Duration outboxRetention;
    private final Duration inboxRetention;
    private final Duration keyRetention;
    private final Duration webhookRetention;
    private final Stopping stopping;

    RetentionPurge(Pool pool, OutboxConfig outbox, WebhookConfig webhooks, Stopping stopping,
            // Longer than the topics keep records (7 days), so a redelivered event is always recognised.
            @ConfigProperty(name = "kit.inbox.retention", defaultValue = "P14D") Duration inboxRetention,
            @ConfigProperty(name = "kit.idempotency.retention", defaultValue = "P7D") Duration keyRetention) {
        this.pool = pool;
        this.outboxRetention = outbox.retention();
        this.inboxRetention = inboxRetention;
        this.keyRetention = keyRetention;
        this.webhookRetention = webhooks.deliveryLogRetention();
        this.stopping = stopping;
    }

    /** Hourly; public for the tests that check what a purge keeps. */
    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> purge() {
        Instant now = Instant.now();
        return stopping.quietly(delete(PURGE_OUTBOX, now.minus(outboxRetention))
                .chain(() -> delete(PURGE_INBOX, now.minus(inboxRetention)))
                .chain(() -> delete(PURGE_KEYS, now.minus(keyRetention)))
                .chain(() -> delete(PURGE_WEBHOOKS, now.minus(webhookRetention))));
    }

    private Uni<Void> delete(String sql, Instant before) {
        return pool.preparedQuery(sql).execute(Tuple.of(before.atOffset(ZoneOffset.UTC))).replaceWithVoid();
    }
}
