package com.busanev.supplier.stock;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A delivery of packs under a contract: the supplier's advance shipping notice (ASN) with the serials shipped and the
 * day they are expected, then received in full or in parts. Its packs are rows of {@link Pack}.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "contract_id")
    public UUID contractId;
    /** Packs shipped (serials on the notice). */
    public int packs;
    @Column(name = "received_packs")
    public int receivedPacks;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    /** The first and last serial of the notice (in serial order), for a list to show. */
    @Column(name = "serial_from")
    public String serialFrom;
    @Column(name = "serial_to")
    public String serialTo;
    /** The single range of a delivery confirmed before ASNs (V2); null for notices. */
    @Column(name = "serial_prefix")
    public String serialPrefix;
    @Column(name = "serial_first")
    public Long serialFirst;
    @Column(name = "serial_last")
    public Long serialLast;
    @Column(name = "expected_on")
    public LocalDate expectedOn;
    /** The day of the (last) receipt; null while nothing arrived. */
    @Column(name = "delivered_on")
    public LocalDate deliveredOn;
    /** ISO week of arrival: expected until received, then of the (last) receipt. */
    public String week;
    /** The contract version the notice was sent under (its pack spec and origins). */
    @Column(name = "contract_version")
    public int contractVersion;
    /** The day of manufacture the supplier stated on the notice, if it did (the battery passport's). */
    @Column(name = "manufactured_on")
    public LocalDate manufacturedOn;
    @Column(name = "confirmed_by")
    public String confirmedBy;
    @Column(name = "created_at")
    public Instant createdAt;

    public boolean open() {
        return status == DeliveryStatus.IN_TRANSIT || status == DeliveryStatus.PARTLY_RECEIVED;
    }
}
