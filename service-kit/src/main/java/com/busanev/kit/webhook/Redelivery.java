package com.busanev.kit.webhook;

/** How many deliveries a redelivery requeued. */
public record Redelivery(int deliveries) {
}
