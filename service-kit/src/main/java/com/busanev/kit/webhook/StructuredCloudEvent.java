package com.busanev.kit.webhook;

import com.busanev.events.DomainEvent;
import com.busanev.events.EventJson;
import com.busanev.kit.messaging.IncomingEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A webhook's body: the event as a structured-mode CloudEvent (JSON, CloudEvents 1.0), so its {@code data} has the
 * schema of the event's payload and its attributes are those it had on Kafka.
 */
final class StructuredCloudEvent {
    static final String MEDIA_TYPE = "application/cloudevents+json";

    private StructuredCloudEvent() {
    }

    static String json(IncomingEvent event, DomainEvent payload) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("specversion", "1.0");
        body.put("id", event.id());
        body.put("source", event.source());
        body.put("type", event.type().ceType());
        body.put("subject", event.subject());
        body.put("time", event.time());
        body.put("datacontenttype", "application/json");
        body.put("data", payload);
        return write(body);
    }

    static String write(Map<String, Object> body) {
        try {
            return EventJson.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook body cannot be written: " + body, e);
        }
    }
}
