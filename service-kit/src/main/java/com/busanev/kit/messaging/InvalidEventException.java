package com.busanev.kit.messaging;

/**
 * A readable event that can never be applied, however often it is tried (it violates a domain invariant, e.g. a
 * week that is no ISO week): a handler throws it and the event is dead-lettered with this message as the reason.
 * Any other exception a handler throws is taken as transient and retried.
 */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public InvalidEventException(String message) {
        super(message);
    }
}
