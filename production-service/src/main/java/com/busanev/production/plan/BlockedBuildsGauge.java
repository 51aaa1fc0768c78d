package com.busanev.production.plan;

import com.busanev.events.BlockReason;
import com.busanev.events.Region;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code production_blocked_builds{region,reason}}: the blocked backlog, which grows when packs or line capacity run
 * short (the BlockedBacklog alert of k8s/components/monitoring). One grouped query refreshes it every
 * {@code production.metrics.refresh-interval}, not every scrape: a scrape costs no query, and every replica reports
 * the same figures (dashboards and alerts take the max over replicas). Each region and reason is a series from
 * the start, 0 while nothing is blocked, so a graph or an alert never waits for a series to appear.
 */
@Startup
@ApplicationScoped
class BlockedBuildsGauge {
    static final String NAME = "production.blocked.builds";
    private static final String COUNT = """
            SELECT region, blocked_reason, count(*) FROM build WHERE status = 'BLOCKED' GROUP BY region, blocked_reason""";

    private final Pool pool;
    private final Map<Region, Map<BlockReason, AtomicLong>> blocked = new EnumMap<>(Region.class);

    BlockedBuildsGauge(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        for (Region region : Region.values()) {
            Map<BlockReason, AtomicLong> byReason = blocked.computeIfAbsent(region, r -> new EnumMap<>(BlockReason.class));
            for (BlockReason reason : BlockReason.values()) {
                AtomicLong count = byReason.computeIfAbsent(reason, r -> new AtomicLong());
                Gauge.builder(NAME, count, AtomicLong::get)
                        .description("Builds blocked for want of packs or line capacity, by region and reason")
                        .tag("region", region.name()).tag("reason", reason.name())
                        .strongReference(true).register(registry);
            }
        }
    }

    @Scheduled(every = "${production.metrics.refresh-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refresh() {
        return pool.query(COUNT).execute().invoke(rows -> {
            Map<Region, Map<BlockReason, Long>> counted = new EnumMap<>(Region.class);
            for (Row row : rows) {
                counted.computeIfAbsent(Region.valueOf(row.getString(0)), r -> new EnumMap<>(BlockReason.class))
                        .put(BlockReason.valueOf(row.getString(1)), row.getLong(2));
            }
            // Set in place, never reset first: a scrape in between would read a backlog of 0.
            blocked.forEach((region, byReason) -> byReason.forEach((reason, count) ->
                    count.set(counted.getOrDefault(region, Map.of()).getOrDefault(reason, 0L))));
        }).replaceWithVoid();
    }
}
