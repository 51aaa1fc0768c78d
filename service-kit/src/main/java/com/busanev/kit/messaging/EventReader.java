package com.busanev.kit.messaging;

import com.busanev.events.DomainEvent;
import com.busanev.events.EventJson;
import com.busanev.events.EventType;
import com.busanev.events.Nullable;
import com.busanev.events.WireTime;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Turns a Kafka record carrying a binary-mode CloudEvent (the outbox relay's, {@code ce_*} headers) into an
 * {@link IncomingEvent}, in two steps: its type from the {@code ce_type} header alone ({@link #type}), so a consumer
 * skips the types it does not follow without reading anything else, then the other attributes and the payload of a
 * type it follows ({@link #read}). The headers are read here rather than by SmallRye's CloudEvents support, which
 * parsed every attribute of every record (its time, its source URI) before a consumer could skip it; it is off on
 * the incoming channels (microprofile-config.properties).
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
    static EventType type(KafkaRecord<String, String> record) {
        Headers headers = record.getHeaders();
        String type = attribute(headers, "type");
        if (type == null || attribute(headers, "id") == null || attribute(headers, "source") == null) {
            throw new UnreadableEventException("not a CloudEvent: no ce_id/ce_type/ce_source headers");
        }
        if (!type.startsWith(EventType.TYPE_PREFIX)) {
            throw new UnreadableEventException("CloudEvent type '" + type + "' is not of this suite");
        }
        return EventType.fromCeType(type).orElseThrow(() -> new UnreadableEventException(
                "CloudEvent type '" + type + "' is unknown to this service (a newer version?)"));
    }

    /**
     * The event of a record whose {@link #type} was read, or {@link UnreadableEventException}: no payload, a payload
     * that does not match its schema, or a {@code ce_time} that is no timestamp.
     */
    static IncomingEvent read(KafkaRecord<String, String> record, EventType type) {
        Headers headers = record.getHeaders();
        String id = attribute(headers, "id");
        String payload = record.getPayload();
        if (payload == null || payload.isBlank()) {
            throw new UnreadableEventException(type.ceType() + " " + id + " has no payload");
        }
        DomainEvent event;
        try {
            event = EventJson.mapper().readValue(payload, type.payloadType());
        } catch (IOException e) {
            throw new UnreadableEventException(type.ceType() + " " + id + " has an unreadable payload: "
                    + e.getMessage(), e);
        }
        missingRequiredField(event).ifPresent(field -> {
            throw new UnreadableEventException(type.ceType() + " " + id + " does not match its schema: required "
                    + "field '" + field + "' is missing");
        });
        String subject = attribute(headers, "subject");
        return new IncomingEvent(id, attribute(headers, "source"), type, subject == null ? event.subject() : subject,
                time(headers, type, id), event);
    }

    /** A binary-mode CloudEvent attribute: the {@code ce_}-prefixed header, UTF-8 (CloudEvents Kafka binding). */
    private static String attribute(Headers headers, String name) {
        Header header = headers.lastHeader("ce_" + name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Instant time(Headers headers, EventType type, String id) {
        String time = attribute(headers, "time");
        try {
            return time == null ? null
                    : WireTime.utc(time).orElseGet(() -> OffsetDateTime.parse(time).toInstant());
        } catch (DateTimeParseException e) {
            throw new UnreadableEventException(type.ceType() + " " + id + " has a ce_time that is no RFC 3339 time: "
                    + time, e);
        }
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
