package com.busanev.kit.messaging;

import com.busanev.events.DomainEvent;
import com.busanev.events.EventJson;
import com.busanev.events.EventType;
import com.busanev.events.Nullable;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Turns a Kafka message carrying a binary-mode CloudEvent into an {@link IncomingEvent}, in two steps: its type from
 * the CloudEvent headers alone ({@link #type}), so a consumer skips the types it does not follow without parsing their
 * payloads, then the payload of a type it follows ({@link #read}).
 */
final class EventReader {
    /** Per event class, the accessors of the fields its schema requires (every one not {@link Nullable}). */
    private static final ClassValue<List<Required>> REQUIRED = new ClassValue<>() {
        @Override
        protected List<Required> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents()).filter(component -> !component.isAnnotationPresent(Nullable.class))
                    .map(component -> new Required(component.getName(), component.getAccessor())).toList();
        }
    };

    private record Required(String name, Method accessor) {
    }

    private EventReader() {
    }

    /**
     * The event type the message's CloudEvent headers name, or {@link UnreadableEventException}: not a CloudEvent, or
     * a type this suite does not know (another system's, or a newer version than this service reads: dead-lettered so
     * it can be re-driven after an upgrade, not skipped).
     */
    static EventType type(Message<String> message) {
        String type = cloudEvent(message).getType();
        if (type == null || !type.startsWith(EventType.TYPE_PREFIX)) {
            throw new UnreadableEventException("CloudEvent type '" + type + "' is not of this suite");
        }
        return EventType.fromCeType(type).orElseThrow(() -> new UnreadableEventException(
                "CloudEvent type '" + type + "' is unknown to this service (a newer version?)"));
    }

    /**
     * The event of a message whose {@link #type} was read, or {@link UnreadableEventException}: no payload, or a
     * payload that does not match its schema.
     */
    static IncomingEvent read(Message<String> message, EventType type) {
        IncomingCloudEventMetadata<Object> ce = cloudEvent(message);
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

    @SuppressWarnings("unchecked")
    private static IncomingCloudEventMetadata<Object> cloudEvent(Message<String> message) {
        return message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new UnreadableEventException("not a CloudEvent: no ce_id/ce_type/ce_source headers"));
    }

    /** The first field the schema requires that the payload left out. */
    private static Optional<String> missingRequiredField(DomainEvent event) {
        for (Required field : REQUIRED.get(event.getClass())) {
            if (value(field, event) == null) {
                return Optional.of(field.name());
            }
        }
        return Optional.empty();
    }

    private static Object value(Required field, DomainEvent event) {
        try {
            return field.accessor().invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + field.name() + " of " + event.getClass(), e);
        }
    }
}
