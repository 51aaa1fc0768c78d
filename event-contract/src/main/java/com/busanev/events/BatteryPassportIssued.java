package com.busanev.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The battery passport of the pack built into a car (EU Regulation 2023/1542, Art. 77, Annex XIII), issued when the
 * car is built and again, as a new {@code version}, whenever its data changes. {@code complete} says whether every
 * mandatory field is known; {@code missing} names those that are not (empty when complete). {@code passportUrl} is
 * the pack's stable public address, the one its QR code carries. An EU-bound car ships only with a complete one.
 */
public record BatteryPassportIssued(UUID orderId, String vin, String market, String packSerial, String passportUrl,
        int version, boolean complete, List<String> missing, Instant issuedAt) implements DomainEvent {
    @Override
    public String subject() {
        return orderId.toString();
    }
}
