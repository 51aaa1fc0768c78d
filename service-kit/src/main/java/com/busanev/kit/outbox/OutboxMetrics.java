package com.busanev.kit.outbox;

/**
 * Names of the outbox gauges every service exposes at /q/metrics (Prometheus names as written), for dashboards
 * and alerts. {@link OutboxBacklog} refreshes them.
 */
public final class OutboxMetrics {
    /** Rows not yet published and not parked: waiting for the relay, in back-off, or held behind a parked row. */
    public static final String PENDING_EVENTS = "outbox_pending_events";
    /** Age of the oldest pending row in seconds (wall clock since it was written); 0 when none is pending. */
    public static final String OLDEST_PENDING_AGE_SECONDS = "outbox_oldest_pending_age_seconds";
    /** Rows parked after Kafka refused them: each needs an operator (docs/architecture.md, Operations). */
    public static final String PARKED_EVENTS = "outbox_parked_events";

    private OutboxMetrics() {
    }
}
