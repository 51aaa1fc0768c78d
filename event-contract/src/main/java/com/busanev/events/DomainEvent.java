package com.busanev.events;

/**
 * Payload of an event on the chain. The subject becomes the CloudEvents {@code subject} and the Kafka key,
 * so all events of one order share a partition and stay ordered.
 */
public sealed interface DomainEvent permits OrderPlaced, OrderCancelRequested, OrderCancelled,
        OrderCancelRefused, BuildScheduled, BuildBlocked, BuildRescheduled, BuildStarted, VehicleBuilt, BuildCancelled,
        CancelRefused, SequenceFrozen, PacksAllocated, PacksReceived, ShortageAlert, ShipmentBooked,
        ShipmentDelayed, ShipmentDeparted, ShipmentArrived, OrderChangeRequested, OrderChanged, OrderChangeRefused,
        BuildChanged, BuildChangeRefused, LineAvailability, SailingScheduled, BatteryPassportIssued, ShipmentHeld,
        DeliveryScheduleIssued {

    String subject();

    default EventType eventType() {
        return EventType.of(getClass());
    }
}
