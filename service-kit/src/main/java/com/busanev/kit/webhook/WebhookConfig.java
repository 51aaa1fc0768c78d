package com.busanev.kit.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Partner webhooks ({@code kit.webhooks.*}); defaults in one place, documented in docs/partner-integration.md. */
@ConfigMapping(prefix = "kit.webhooks")
public interface WebhookConfig {
    /** Whether this service sends webhooks (order-service and supplier-service do); off, the sender never starts. */
    @WithDefault("false")
    boolean enabled();

    /**
     * The event names partners may subscribe to (e.g. {@code BuildScheduled}), set by each service that offers
     * webhooks: the recorder follows these types, a subscription naming another is a 400, and the OpenAPI document
     * carries one payload schema for each.
     */
    Optional<Set<String>> eventTypes();

    Retry retry();

    Endpoints endpoints();

    /** How long the previous secret stays valid (requests signed with both) after a rotation. */
    @WithDefault("24h")
    Duration rotationGrace();

    @WithDefault("5s")
    Duration connectTimeout();

    /** Time for the partner to answer once connected; a hanging endpoint holds one of its lane's slots this long. */
    @WithDefault("10s")
    Duration requestTimeout();

    /**
     * How long a claimed delivery is the claiming sender's: past it, a sender that died mid-delivery has left the
     * delivery due again for any replica. Longer than connect plus request timeout.
     */
    @WithDefault("1m")
    Duration lease();

    /** Requests in flight to one subscription's endpoint from one replica; a slow endpoint waits in its own lane. */
    @WithDefault("4")
    int perEndpointConcurrency();

    /** How often the sender looks for due deliveries (it is also woken after each answer). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Deliveries claimed at most per look. */
    @WithDefault("200")
    int claimBatch();

    /**
     * How long a delivered webhook stays in the subscription's delivery log (and can be redelivered by id or time
     * range); pending ones are kept until delivered.
     */
    @WithDefault("P30D")
    Duration deliveryLogRetention();

    /** How often the backlog gauges are counted. */
    @WithDefault("10s")
    Duration backlogRefresh();

    interface Retry {
        /**
         * Waits after the 1st, 2nd, ... failed attempt of a delivery; the last repeats. The default follows the
         * Standard Webhooks reference schedule.
         */
        @WithDefault("5s,5m,30m,2h,5h,10h")
        List<Duration> delays();

        /**
         * A delivery still failing this long after its first attempt disables the subscription (the delivery stays
         * pending and is sent first when the subscription is enabled again).
         */
        @WithDefault("P3D")
        Duration giveUpAfter();

        /** The wait after the given failed attempt (1-based). */
        default Duration after(int attempt) {
            List<Duration> delays = delays();
            return delays.get(Math.min(Math.max(attempt, 1), delays.size()) - 1);
        }
    }

    /** What an endpoint may be (SSRF): checked at registration and again before every request. */
    interface Endpoints {
        /** Only https:// endpoints; the local run and tests allow http://. */
        @WithDefault("true")
        boolean requireHttps();

        /**
         * Host names that may resolve to loopback, private, link-local or other non-public addresses (the local
         * run's and tests' receivers on localhost); none by default.
         */
        Optional<Set<String>> allowedPrivateHosts();
    }
}
