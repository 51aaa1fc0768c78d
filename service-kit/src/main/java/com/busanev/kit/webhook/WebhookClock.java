package com.busanev.kit.webhook;

import java.time.Clock;

/**
 * Webhooks keep wall-clock time: retries, leases, secret grace periods and the delivery log are about partners'
 * systems, which live in real time, whereas the plant clock (the injected {@code Clock}) runs accelerated in the local
 * run. Event times in payloads stay the plant's.
 */
final class WebhookClock {
    static final Clock WALL = Clock.systemUTC();

    private WebhookClock() {
    }
}
