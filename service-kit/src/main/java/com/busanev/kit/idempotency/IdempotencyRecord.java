package com.busanev.kit.idempotency;

/** A row of table {@code idempotency_key}: the first result of a create, kept for its replays. */
public record IdempotencyRecord(String scope, String key, String requestHash, int responseStatus, String responseBody) {
}
