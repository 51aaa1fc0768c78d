package com.busanev.kit.messaging;

import com.busanev.events.DomainEvent;
import com.busanev.events.EventJson;
import com.busanev.events.EventType;
import com.busanev.events.Nullable;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Turns a Kafka message carrying a binary-mode CloudEvent into an {@link IncomingEvent}. */
final class EventReader {
    private EventReader() {
    }

    /**
     * The event, or {@link UnreadableEventException}: not a CloudEvent, a type this suite does not know (another
     * system's, or a newer version than this service reads: dead-lettered so it can be re-driven after an upgrade,
     * not skipped), no payload, or a payload that does not match its schema.
     */
    static IncomingEvent read(Message<String> message) {
        @SuppressWarnings("unchecked")
        IncomingCloudEventMetadata<Object> ce = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new UnreadableEventException("not a CloudEvent: no ce_id/ce_type/ce_source headers"));
        if (ce.getType() == null || !ce.getType().startsWith(EventType.TYPE_PREFIX)) {
            throw new UnreadableEventException("CloudEvent type '" + ce.getType() + "' is not of this suite");
        }
        EventType type = EventType.fromCeType(ce.getType()).orElseThrow(() -> new UnreadableEventException(
                "CloudEvent type '" + ce.getType() + "' is unknown to this service (a newer version?)"));
        String payload = message.getPayload();
        if (payload == null || payload.isBlank()) {
            throw new UnreadableEventException(ce.getType() + " " + ce.getId() + " has no payload");
        }
        DomainEvent event;
        try {
            event = EventJson.mapper().readValue(payload, type.payloadType());
        } catch (IOException e) {
            throw new UnreadableEventException(ce.getType() + " " + ce.getId() + " has an unreadable payload: "
                    + e.getMessage(), e);
        }
        missingRequiredField(event).ifPresent(field -> {
            throw new UnreadableEventException(ce.getType() + " " + ce.getId() + " does not match its schema: required "
                    + "field '" + field + "' is missing");
        });
        Instant time = ce.getTimeStamp().map(t -> t.toInstant()).orElse(null);
        return new IncomingEvent(ce.getId(), ce.getSource() == null ? null : ce.getSource().toString(),
                type, ce.getSubject().orElse(event.subject()), time, event);
    }

    /** The first field the schema requires (every one not {@link Nullable}) that the payload left out. */
    private static Optional<String> missingRequiredField(DomainEvent event) {
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (!component.isAnnotationPresent(Nullable.class) && value(component, event) == null) {
                return Optional.of(component.getName());
            }
        }
        return Optional.empty();
    }

    private static Object value(RecordComponent component, DomainEvent event) {
        try {
            return component.getAccessor().invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + event.getClass(), e);
        }
    }
}
