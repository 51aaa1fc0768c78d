package com.busanev.kit.ops;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The read-only operations endpoint ({@code kit.ops.*}). */
@ConfigMapping(prefix = "kit.ops")
public interface OpsConfig {
    /** Parked or refused outbox rows, and dead letters, listed at most (the counts say how many in all). */
    @WithDefault("20")
    int listed();

    /** How long the dead-letter topic is read for before the answer goes without its records. */
    @WithDefault("5s")
    Duration kafkaTimeout();
}
