package com.busanev.supplier.stock;

/** Where an advance shipping notice stands: its packs in transit, some or all received, or closed with some missing. */
public enum DeliveryStatus {
    IN_TRANSIT, PARTLY_RECEIVED, RECEIVED,
    /** Closed by a final receipt before every pack arrived: the rest are MISSING and no longer inbound. */
    CLOSED
}
