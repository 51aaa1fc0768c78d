package com.busanev.logistics.shipment;

public enum ShipmentStatus {
    /** Built and waiting for a voyage that can take it. */
    UNBOOKED,
    /** Built, but not to be booked yet (an EU car without a complete battery passport): the reason is on the shipment. */
    HELD,
    BOOKED, DEPARTED, ARRIVED
}
