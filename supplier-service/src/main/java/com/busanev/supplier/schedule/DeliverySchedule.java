package com.busanev.supplier.schedule;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One revision of a contract's weekly delivery schedule; its weeks are {@link ScheduleLine}s. */
@Entity
@Table(name = "delivery_schedule")
public class DeliverySchedule extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "contract_id")
    public UUID contractId;
    @Column(name = "supplier_code")
    public String supplierCode;
    public int revision;
    @Enumerated(EnumType.STRING)
    public ScheduleStatus status;
    @Column(name = "issued_at")
    public Instant issuedAt;
    @Column(name = "issued_by")
    public String issuedBy;
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
}
