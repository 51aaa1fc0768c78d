package com.busanev.logistics.shipment;

public enum ShipmentStatus {
    /** Built and waiting for a voyage that can take it. */
    UNBOOKED, BOOKED, DEPARTED, ARRIVED
}
