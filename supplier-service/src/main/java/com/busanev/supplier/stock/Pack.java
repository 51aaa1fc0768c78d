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

/** One battery pack by serial: its delivery and contract, and once built in, the car (order, VIN, market). */
@Entity
@Table(name = "pack")
public class Pack extends PanacheEntityBase {
    @Id
    public String serial;
    @Column(name = "supplier_code")
    public String supplierCode;
    @Column(name = "contract_id")
    public UUID contractId;
    @Column(name = "delivery_id")
    public UUID deliveryId;
    @Enumerated(EnumType.STRING)
    public PackStatus status;
    /** The contract version in force when the pack arrived: the facts of its cells. */
    @Column(name = "contract_version")
    public Integer contractVersion;
    @Column(name = "received_on")
    public LocalDate receivedOn;
    @Column(name = "order_id")
    public UUID orderId;
    public String vin;
    public String market;
    @Column(name = "consumed_at")
    public Instant consumedAt;
    /** The brand of the car it is built into (who may read its whole battery passport). */
    public String brand;
    /** The day its car left on a voyage (ShipmentDeparted): its passport's facts no longer follow the contract's. */
    @Column(name = "shipped_at")
    public Instant shippedAt;
    /** The battery passport's version: 1 from the notice, one more per change (docs, "Battery passport"). */
    @Column(name = "passport_version")
    public int passportVersion;
    /** The contract version whose facts its passport shows: the notice's, then the latest amendment's until shipped. */
    @Column(name = "passport_contract_version")
    public int passportContractVersion;
}
