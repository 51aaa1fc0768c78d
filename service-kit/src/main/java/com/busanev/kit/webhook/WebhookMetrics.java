package com.busanev.kit.webhook;

/** Names of the webhook meters at /q/metrics (Prometheus names as written). */
public final class WebhookMetrics {
    /** Attempts by {@code outcome}: {@link #DELIVERED}, {@link #FAILED} (error, timeout or non-2xx), {@link #REFUSED}. */
    public static final String ATTEMPTS = "webhook_attempts_total";
    public static final String OUTCOME = "outcome";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
    /** The endpoint no longer passes the SSRF policy at send time (its DNS changed); retried like a failure. */
    public static final String REFUSED = "refused";
    /** Subscriptions disabled after a delivery kept failing for {@code kit.webhooks.retry.give-up-after}. */
    public static final String DISABLED = "webhook_subscriptions_disabled_total";
    /** Deliveries not delivered yet, disabled subscriptions' included. */
    public static final String PENDING = "webhook_pending_deliveries";
    /** Wall-clock age of the oldest pending delivery of an enabled subscription, 0 when none. */
    public static final String OLDEST_PENDING_AGE_SECONDS = "webhook_oldest_pending_age_seconds";

    private WebhookMetrics() {
    }
}
