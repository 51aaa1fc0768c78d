package com.busanev.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The outbox relay, its back-off and its watch on the backlog ({@code kit.outbox.*}). */
@ConfigMapping(prefix = "kit.outbox")
public interface OutboxConfig {
    /** Rows claimed and sent per transaction. */
    @WithDefault("500")
    int batchSize();

    /** How long published rows are kept before the hourly purge drops them. */
    @WithDefault("P7D")
    Duration retention();

    @WithDefault("1s")
    Duration startDelay();

    /**
     * How often the relay looks without being notified of a commit: rows of another replica's turn, rows whose
     * back-off ended or that an operator unparked, a notification lost while the listening connection was away.
     */
    @WithDefault("5s")
    Duration sweepInterval();

    /** Refusals of one record by Kafka before it is parked for an operator. */
    @WithDefault("10")
    int maxAttempts();

    /**
     * Waits between retries of a refused record, of the whole relay while Kafka or the database is away, and of the
     * connection that listens for commits.
     */
    Backoff backoff();

    /** How often the backlog behind the metrics and the wellness check is counted. */
    @WithDefault("5s")
    Duration backlogRefresh();

    /** The wellness check is DOWN while the oldest pending row is older than this. */
    @WithDefault("5m")
    Duration maxPendingAge();

    interface Backoff {
        @WithDefault("1s")
        Duration initial();

        @WithDefault("1m")
        Duration max();

        /** The wait after the {@code failures}-th failure in a row: doubling from the initial, capped. */
        default Duration after(int failures) {
            Duration wait = initial().multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 30));
            return wait.compareTo(max()) > 0 ? max() : wait;
        }
    }
}
