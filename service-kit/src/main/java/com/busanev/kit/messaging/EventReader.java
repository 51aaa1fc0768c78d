package com.busanev.kit.messaging;

import com.busanev.events.DomainEvent;
import com.busanev.events.EventJson;
import com.busanev.events.EventType;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Turns a Kafka message carrying a binary-mode CloudEvent into an {@link IncomingEvent}. */
final class EventReader {
    private EventReader() {
    }

    /** Empty for a well-formed event of a type this reader does not know (a newer producer's); skipped. */
    static Optional<IncomingEvent> read(Message<String> message) {
        @SuppressWarnings("unchecked")
        IncomingCloudEventMetadata<Object> ce = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new UnreadableEventException("not a CloudEvent: no ce_id/ce_type/ce_source headers"));
        if (ce.getType() == null || !ce.getType().startsWith(EventType.TYPE_PREFIX)) {
            throw new UnreadableEventException("CloudEvent type '" + ce.getType() + "' is not of this suite");
        }
        Optional<EventType> type = EventType.fromCeType(ce.getType());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        String payload = message.getPayload();
        if (payload == null || payload.isBlank()) {
            throw new UnreadableEventException(ce.getType() + " " + ce.getId() + " has no payload");
        }
        DomainEvent event;
        try {
            event = EventJson.mapper().readValue(payload, type.get().payloadType());
        } catch (IOException e) {
            throw new UnreadableEventException(ce.getType() + " " + ce.getId() + " has an unreadable payload: "
                    + e.getMessage(), e);
        }
        Instant time = ce.getTimeStamp().map(t -> t.toInstant()).orElse(null);
        return Optional.of(new IncomingEvent(ce.getId(), ce.getSource() == null ? null : ce.getSource().toString(),
                type.get(), ce.getSubject().orElse(event.subject()), time, event));
    }
}
