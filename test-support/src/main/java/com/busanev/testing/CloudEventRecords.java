package com.busanev.testing;

import com.busanev.events.DomainEvent;
import com.busanev.events.EventJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.Optional;
import java.util.UUID;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
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

    /**
     * The first record on {@code topic}, from its beginning, with this key and (when not null) CloudEvents type;
     * fails after {@code timeout}.
     */
    public static ConsumerRecord<String, String> awaitFirst(String topic, String key, String ceType, Duration timeout) {
        Predicate<ConsumerRecord<String, String>> matches = r -> key.equals(r.key())
                && (ceType == null || header(r, "ce_type").filter(ceType::equals).isPresent());
        try (var task = KafkaResource.companion().consumeStrings()
                .fromTopics(topic, records -> records.select().where(matches).select().first())) {
            return task.awaitCompletion(timeout).getFirstRecord();
        }
    }

    /** Every record on {@code topic} with this key seen within {@code window}. */
    public static List<ConsumerRecord<String, String>> all(String topic, String key, Duration window) {
        try (var task = KafkaResource.companion().consumeStrings().fromTopics(topic, window)) {
            return task.awaitCompletion(window.plusSeconds(10)).stream().filter(r -> key.equals(r.key())).toList();
        }
    }

    /**
     * The record read by the official CloudEvents SDK (binary mode: {@code ce_*} headers, the payload as data), so a
     * test checks the contract with a reader no one here wrote; an invalid record fails here.
     */
    public static CloudEvent parse(ConsumerRecord<String, String> record) {
        return KafkaMessageFactory.createReader(record.headers(), record.value().getBytes(StandardCharsets.UTF_8)).toEvent();
    }

    public static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
