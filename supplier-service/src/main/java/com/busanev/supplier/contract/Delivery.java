package com.busanev.supplier.contract;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Packs a supplier delivered to the plant under a contract, with their serial range. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "contract_id")
    public UUID contractId;
    public int packs;
    @Column(name = "serial_from")
    public String serialFrom;
    @Column(name = "serial_to")
    public String serialTo;
    /** The range as prefix and numbers, to find overlapping deliveries of the same supplier. */
    @Column(name = "serial_prefix")
    public String serialPrefix;
    @Column(name = "serial_first")
    public long serialFirst;
    @Column(name = "serial_last")
    public long serialLast;
    @Column(name = "delivered_on")
    public LocalDate deliveredOn;
    /** ISO week of delivery: the week whose supply it tops up. */
    public String week;
    @Column(name = "confirmed_by")
    public String confirmedBy;
    @Column(name = "created_at")
    public Instant createdAt;
}
