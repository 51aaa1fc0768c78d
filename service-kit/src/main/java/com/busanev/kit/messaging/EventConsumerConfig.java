package com.busanev.kit.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/** How {@link EventConsumer} retries an event that failed for a transient reason. */
@ConfigMapping(prefix = "kit.consumer")
public interface EventConsumerConfig {
    /** Wait before the first retry; each further retry waits twice as long, up to {@link #maxBackOff()}. */
    @WithDefault("100ms")
    Duration initialBackOff();

    @WithDefault("30s")
    Duration maxBackOff();

    /** How long one event may keep failing before the service reports itself not ready (and says why). */
    @WithDefault("10s")
    Duration unreadyAfter();

    /** A retrying event is logged at its first failure and then once every this many attempts. */
    @WithDefault("10")
    @Positive
    int logEvery();
}
