package com.busanev.supplier.stock;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A delivery (shipping notice) as partners see it: packs shipped and received, its status, the first and last serial,
 * the day expected and the day of the (last) receipt, and the ISO week of arrival.
 */
public record DeliveryView(UUID id, UUID contractId, int packs, int receivedPacks, DeliveryStatus status,
        String serialFrom, String serialTo, LocalDate expectedOn, LocalDate deliveredOn, String week, String confirmedBy) {
    public static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id, d.contractId, d.packs, d.receivedPacks, d.status, d.serialFrom, d.serialTo,
                d.expectedOn, d.deliveredOn, d.week, d.confirmedBy);
    }
}
