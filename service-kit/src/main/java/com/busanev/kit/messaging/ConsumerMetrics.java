package com.busanev.kit.messaging;

/** Names of the consumers' metrics as Prometheus shows them at {@code /q/metrics}; alerts are written against them. */
public final class ConsumerMetrics {
    /** Gauge: 1 while the channel retries an event that failed for a transient reason, else 0. */
    public static final String RETRYING = "consumer_retrying";
    /** Counter: events the channel sent to the service's dead-letter topic. */
    public static final String DEAD_LETTERED = "consumer_dead_lettered_total";
    public static final String CHANNEL_TAG = "channel";

    private ConsumerMetrics() {
    }
}
