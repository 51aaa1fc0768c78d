package com.busanev.logistics.shipment;

public enum ShipmentStatus {
    /** Built and waiting for a voyage that can take it. */
    UNBOOKED, BOOKED, DEPARTED, ARRIVED, CANCELLED;

    /** Still at the plant or the terminal: a cancel releases the booking. */
    public boolean releasable() {
        return this == UNBOOKED || this == BOOKED;
    }
}
