package com.busanev.kit.messaging;

import com.busanev.events.DomainEvent;
import com.busanev.events.EventType;
import java.time.Instant;

/** A consumed event: its CloudEvents attributes and its typed payload. */
public record IncomingEvent(String id, String source, EventType type, String subject, Instant time,
        DomainEvent payload) {
}
