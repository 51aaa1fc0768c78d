package com.busanev.supplier.stock;

import com.busanev.kit.lifecycle.Stopping;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Each contract's packs by status, read from the tally that statement triggers on {@code pack} append to (migration
 * V13): the sum of a few rows instead of a count over the stock. The rows are folded hourly into one per contract and
 * status, so the tally stays a few rows however long the service runs.
 */
@ApplicationScoped
public class PackTally {
    /** Packs in stock by contract: contract id as text, count. */
    public static final String ON_HAND = """
            SELECT CAST(contract_id AS text), sum(packs) FROM pack_tally WHERE status = 'RECEIVED'
            GROUP BY contract_id HAVING sum(packs) <> 0""";
    /** Packs by contract and status: contract id as text, status, count. */
    public static final String BY_STATUS = """
            SELECT CAST(contract_id AS text), status, sum(packs) FROM pack_tally
            GROUP BY contract_id, status HAVING sum(packs) <> 0""";
    /**
     * One statement, so a reader sees the rows before or after, never half of them. Rows appended by transactions not
     * committed when it starts are not in its snapshot: they stay, and are folded the next time.
     */
    private static final String FOLD = """
            WITH folded AS (DELETE FROM pack_tally RETURNING contract_id, status, packs)
            INSERT INTO pack_tally (contract_id, status, packs)
            SELECT contract_id, status, sum(packs) FROM folded GROUP BY contract_id, status HAVING sum(packs) <> 0""";

    private final Pool pool;
    private final Stopping stopping;

    PackTally(Pool pool, Stopping stopping) {
        this.pool = pool;
        this.stopping = stopping;
    }

    /** Hourly; public for the test that checks a fold changes no count. */
    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> fold() {
        return stopping.quietly(pool.query(FOLD).execute().replaceWithVoid());
    }
}
