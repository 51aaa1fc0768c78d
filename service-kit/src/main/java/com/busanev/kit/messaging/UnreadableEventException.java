package com.busanev.kit.messaging;

/** A message that can never be applied (not a CloudEvent, unknown version, bad payload): it is dead-lettered. */
public class UnreadableEventException extends RuntimeException {
    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public UnreadableEventException(String message) {
        super(message);
    }
}
