package com.busanev.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event on the chain: its CloudEvents type, the topic its producer writes and its payload record. */
public enum EventType {
    ORDER_PLACED("OrderPlaced", Topics.ORDER_EVENTS, OrderPlaced.class),
    ORDER_CANCEL_REQUESTED("OrderCancelRequested", Topics.ORDER_EVENTS, OrderCancelRequested.class),
    ORDER_CANCELLED("OrderCancelled", Topics.ORDER_EVENTS, OrderCancelled.class),
    ORDER_CANCEL_REFUSED("OrderCancelRefused", Topics.ORDER_EVENTS, OrderCancelRefused.class),
    ORDER_CHANGE_REQUESTED("OrderChangeRequested", Topics.ORDER_EVENTS, OrderChangeRequested.class),
    ORDER_CHANGED("OrderChanged", Topics.ORDER_EVENTS, OrderChanged.class),
    ORDER_CHANGE_REFUSED("OrderChangeRefused", Topics.ORDER_EVENTS, OrderChangeRefused.class),
    BUILD_SCHEDULED("BuildScheduled", Topics.PRODUCTION_EVENTS, BuildScheduled.class),
    BUILD_BLOCKED("BuildBlocked", Topics.PRODUCTION_EVENTS, BuildBlocked.class),
    BUILD_RESCHEDULED("BuildRescheduled", Topics.PRODUCTION_EVENTS, BuildRescheduled.class),
    BUILD_STARTED("BuildStarted", Topics.PRODUCTION_EVENTS, BuildStarted.class),
    VEHICLE_BUILT("VehicleBuilt", Topics.PRODUCTION_EVENTS, VehicleBuilt.class),
    BUILD_CANCELLED("BuildCancelled", Topics.PRODUCTION_EVENTS, BuildCancelled.class),
    CANCEL_REFUSED("CancelRefused", Topics.PRODUCTION_EVENTS, CancelRefused.class),
    BUILD_CHANGED("BuildChanged", Topics.PRODUCTION_EVENTS, BuildChanged.class),
    BUILD_CHANGE_REFUSED("BuildChangeRefused", Topics.PRODUCTION_EVENTS, BuildChangeRefused.class),
    SEQUENCE_FROZEN("SequenceFrozen", Topics.PRODUCTION_EVENTS, SequenceFrozen.class),
    LINE_AVAILABILITY("LineAvailability", Topics.PRODUCTION_EVENTS, LineAvailability.class),
    PACKS_ALLOCATED("PacksAllocated", Topics.SUPPLIER_EVENTS, PacksAllocated.class),
    PACKS_RECEIVED("PacksReceived", Topics.SUPPLIER_EVENTS, PacksReceived.class),
    SHORTAGE_ALERT("ShortageAlert", Topics.SUPPLIER_EVENTS, ShortageAlert.class),
    BATTERY_PASSPORT_ISSUED("BatteryPassportIssued", Topics.SUPPLIER_EVENTS, BatteryPassportIssued.class),
    DELIVERY_SCHEDULE_ISSUED("DeliveryScheduleIssued", Topics.SUPPLIER_EVENTS, DeliveryScheduleIssued.class),
    SHIPMENT_BOOKED("ShipmentBooked", Topics.LOGISTICS_EVENTS, ShipmentBooked.class),
    SHIPMENT_HELD("ShipmentHeld", Topics.LOGISTICS_EVENTS, ShipmentHeld.class),
    SHIPMENT_DELAYED("ShipmentDelayed", Topics.LOGISTICS_EVENTS, ShipmentDelayed.class),
    SHIPMENT_DEPARTED("ShipmentDeparted", Topics.LOGISTICS_EVENTS, ShipmentDeparted.class),
    SHIPMENT_ARRIVED("ShipmentArrived", Topics.LOGISTICS_EVENTS, ShipmentArrived.class),
    SAILING_SCHEDULED("SailingScheduled", Topics.LOGISTICS_EVENTS, SailingScheduled.class);

    /** Prefix of every CloudEvents type; the suffix is the payload schema version. */
    public static final String TYPE_PREFIX = "com.busanev.";
    public static final String TYPE_VERSION = ".v1";

    private static final Map<String, EventType> BY_CE_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));

    private final String eventName;
    private final String topic;
    private final Class<? extends DomainEvent> payloadType;

    EventType(String eventName, String topic, Class<? extends DomainEvent> payloadType) {
        this.eventName = eventName;
        this.topic = topic;
        this.payloadType = payloadType;
    }

    public String eventName() {
        return eventName;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends DomainEvent> payloadType() {
        return payloadType;
    }

    /** CloudEvents {@code type}, e.g. {@code com.busanev.OrderPlaced.v1}. */
    public String ceType() {
        return TYPE_PREFIX + eventName + TYPE_VERSION;
    }

    public static Optional<EventType> fromCeType(String ceType) {
        return Optional.ofNullable(ceType).map(BY_CE_TYPE::get);
    }

    public static EventType of(Class<?> payloadType) {
        for (EventType type : values()) {
            if (type.payloadType == payloadType) {
                return type;
            }
        }
        throw new IllegalArgumentException("not an event payload: " + payloadType.getName());
    }
}
