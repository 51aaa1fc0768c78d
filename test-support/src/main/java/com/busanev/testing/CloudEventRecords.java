package com.busanev.testing;

import com.busanev.events.DomainEvent;
import com.busanev.events.EventJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/** Kafka records shaped exactly as the services' outbox relays write them: binary-mode CloudEvents. */
public final class CloudEventRecords {
    private CloudEventRecords() {
    }

    /** A record of {@code event} on its producer's topic, with a fresh event id. */
    public static ProducerRecord<String, String> of(DomainEvent event) {
        return of(event, UUID.randomUUID().toString());
    }

    /** The same id twice is a redelivery: consumers must apply it once. */
    public static ProducerRecord<String, String> of(DomainEvent event, String eventId) {
        String payload;
        try {
            payload = EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(event.eventType().topic(), event.subject(), payload);
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(eventId))
                .add("ce_source", bytes("/test"))
                .add("ce_type", bytes(event.eventType().ceType()))
                .add("ce_subject", bytes(event.subject()))
                .add("content-type", bytes("application/json"));
        return record;
    }

    public static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
