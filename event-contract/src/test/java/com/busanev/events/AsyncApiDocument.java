package com.busanev.events;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Builds the AsyncAPI 3 document of the suite from the contract's records, so docs cannot drift from code. */
final class AsyncApiDocument {
    private static final Map<String, List<String>> CONSUMERS = Map.of(
            Topics.ORDER_EVENTS, List.of("production-service"),
            Topics.PRODUCTION_EVENTS, List.of("order-service", "supplier-service", "logistics-service"),
            Topics.SUPPLIER_EVENTS, List.of("production-service"),
            Topics.LOGISTICS_EVENTS, List.of("order-service", "supplier-service"));
    private static final Map<String, String> PRODUCERS = Map.of(
            Topics.ORDER_EVENTS, "order-service",
            Topics.PRODUCTION_EVENTS, "production-service",
            Topics.SUPPLIER_EVENTS, "supplier-service",
            Topics.LOGISTICS_EVENTS, "logistics-service");

    private AsyncApiDocument() {
    }

    static Map<String, Object> build() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("asyncapi", "3.0.0");
        doc.put("info", Map.of(
                "title", "Busan EV partnership events",
                "version", "1.0.0",
                "description", "Events of the order-to-delivery chain. Generated from the event-contract module by "
                        + "AsyncApiContractTest; regenerate with ./mvnw -pl event-contract test -Dcontract.write=true. "
                        + "Every record is a binary-mode CloudEvent on Kafka: headers ce_specversion, ce_id, "
                        + "ce_source, ce_type, ce_time, ce_subject; the Kafka key is the subject (the order id for "
                        + "order events, '<ISO week>/<region>' for supply events); the value is the JSON payload."));
        Map<String, Object> channels = new LinkedHashMap<>();
        Map<String, Object> operations = new LinkedHashMap<>();
        Map<String, Object> messages = new LinkedHashMap<>();
        Map<String, Object> schemas = new TreeMap<>();
        for (String topic : List.of(Topics.ORDER_EVENTS, Topics.PRODUCTION_EVENTS, Topics.SUPPLIER_EVENTS,
                Topics.LOGISTICS_EVENTS)) {
            Map<String, Object> channelMessages = new LinkedHashMap<>();
            for (EventType type : EventType.values()) {
                if (type.topic().equals(topic)) {
                    channelMessages.put(type.eventName(), Map.of("$ref", "#/components/messages/" + type.eventName()));
                    messages.put(type.eventName(), message(type));
                    schema(type.payloadType(), schemas);
                }
            }
            Map<String, Object> channel = new LinkedHashMap<>();
            channel.put("address", topic);
            channel.put("description", "Written by " + PRODUCERS.get(topic) + " through its outbox; read by "
                    + String.join(", ", CONSUMERS.get(topic)) + ". Dead letters of a consumer go to <consumer>.dlq.");
            channel.put("messages", channelMessages);
            channels.put(topic, channel);
            operations.put("publish-" + topic, Map.of(
                    "action", "send",
                    "channel", Map.of("$ref", "#/channels/" + topic),
                    "description", PRODUCERS.get(topic) + " publishes"));
        }
        doc.put("channels", channels);
        doc.put("operations", operations);
        doc.put("components", Map.of("messages", messages, "schemas", schemas));
        return doc;
    }

    private static Map<String, Object> message(EventType type) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("name", type.eventName());
        message.put("contentType", "application/json");
        message.put("headers", Map.of("type", "object", "properties", Map.of(
                "ce_type", Map.of("type", "string", "const", type.ceType()),
                "ce_id", Map.of("type", "string", "description", "Stable across relay retries; consumers dedupe on it"),
                "ce_source", Map.of("type", "string", "const", "/" + PRODUCERS.get(type.topic())),
                "ce_subject", Map.of("type", "string"),
                "ce_time", Map.of("type", "string", "format", "date-time"))));
        message.put("payload", Map.of("$ref", "#/components/schemas/" + type.payloadType().getSimpleName()));
        return message;
    }

    private static Map<String, Object> schema(Class<?> recordType, Map<String, Object> schemas) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : recordType.getRecordComponents()) {
            properties.put(component.getName(), typeOf(component.getGenericType(), schemas));
            if (!component.isAnnotationPresent(Nullable.class)) {
                required.add(component.getName());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", required);
        schemas.put(recordType.getSimpleName(), schema);
        return Map.of("$ref", "#/components/schemas/" + recordType.getSimpleName());
    }

    private static Object typeOf(Type type, Map<String, Object> schemas) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            return Map.of("type", "array", "items", typeOf(parameterized.getActualTypeArguments()[0], schemas));
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return Map.of("type", "string");
        }
        if (raw == UUID.class) {
            return Map.of("type", "string", "format", "uuid");
        }
        if (raw == Instant.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (raw == LocalDate.class) {
            return Map.of("type", "string", "format", "date");
        }
        if (raw == int.class || raw == long.class) {
            return Map.of("type", "integer");
        }
        if (raw == double.class) {
            return Map.of("type", "number");
        }
        if (raw == boolean.class) {
            return Map.of("type", "boolean");
        }
        if (raw.isEnum()) {
            return Map.of("type", "string", "enum",
                    java.util.Arrays.stream(raw.getEnumConstants()).map(Object::toString).toList());
        }
        if (raw.isRecord()) {
            return schema(raw, schemas);
        }
        throw new IllegalArgumentException("no JSON schema mapping for " + type);
    }
}
