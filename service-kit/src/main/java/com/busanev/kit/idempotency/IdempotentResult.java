package com.busanev.kit.idempotency;

/** The result of a create and whether it is the replay of an earlier request with the same key. */
public record IdempotentResult<T>(int status, T body, boolean replayed) {
}
