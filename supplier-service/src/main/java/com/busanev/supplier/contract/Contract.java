package com.busanev.supplier.contract;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A battery supply contract in its current version; earlier versions are in {@link ContractVersion}. */
@Entity
@Table(name = "contract")
public class Contract extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "supplier_code")
    public String supplierCode;
    @Enumerated(EnumType.STRING)
    public ContractStatus status;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;
    @Column(name = "capacity_kwh")
    public double capacityKwh;
    @Enumerated(EnumType.STRING)
    public Chemistry chemistry;
    @Column(name = "monthly_committed")
    public int monthlyCommitted;
    @Column(name = "monthly_flex_min")
    public int monthlyFlexMin;
    @Column(name = "monthly_flex_max")
    public int monthlyFlexMax;
    @Column(name = "price_per_kwh")
    public BigDecimal pricePerKwh;
    public String currency;
    @Column(name = "cell_origin")
    public String cellOrigin;
    @Column(name = "pack_origin")
    public String packOrigin;
    @Column(name = "carbon_kg_per_kwh")
    public Double carbonKgPerKwh;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "passport_facts")
    public PassportFacts passport;
    /** The amendment number; optimistic concurrency on updates goes through If-Match with it. */
    public int version;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Committed packs a week: twelve months spread over 52 weeks, rounded down. */
    public int weeklyCommitted() {
        return weekly(monthlyCommitted);
    }

    /** Packs the contract owes the week starting {@code monday}: its weekly commitment while active and in term. */
    public int weeklyOwed(LocalDate monday) {
        return owes(monday) ? weeklyCommitted() : 0;
    }

    /** The least a week's call-off may ask for (the monthly flex minimum made weekly like the commitment); 0 if not owed. */
    public int weeklyFlexMin(LocalDate monday) {
        return owes(monday) ? weekly(monthlyFlexMin) : 0;
    }

    /** The most a week's call-off may ask for (the monthly flex maximum made weekly); 0 if not owed. */
    public int weeklyFlexMax(LocalDate monday) {
        return owes(monday) ? weekly(monthlyFlexMax) : 0;
    }

    /** Whether the week starting {@code monday} is owed: the contract is active and the week touches its term. */
    private boolean owes(LocalDate monday) {
        return status == ContractStatus.ACTIVE && !monday.plusDays(6).isBefore(validFrom) && !monday.isAfter(validTo);
    }

    private static int weekly(int monthly) {
        return monthly * 12 / 52;
    }

    void apply(ContractTerms terms) {
        supplierCode = terms.supplier();
        status = terms.status();
        validFrom = terms.validFrom();
        validTo = terms.validTo();
        capacityKwh = terms.packSpec().capacityKwh();
        chemistry = terms.packSpec().chemistry();
        monthlyCommitted = terms.monthlyCommittedPacks();
        monthlyFlexMin = terms.flexRange().minPacks();
        monthlyFlexMax = terms.flexRange().maxPacks();
        pricePerKwh = terms.pricePerKwh().amount();
        currency = terms.pricePerKwh().currency();
        cellOrigin = terms.cellOrigin();
        packOrigin = terms.packOrigin();
        carbonKgPerKwh = terms.carbonFootprintKgCo2ePerKwh();
        passport = terms.passport();
    }

    public ContractTerms terms() {
        return new ContractTerms(supplierCode, status, validFrom, validTo,
                new ContractTerms.PackSpec(capacityKwh, chemistry), monthlyCommitted,
                new ContractTerms.FlexRange(monthlyFlexMin, monthlyFlexMax),
                new ContractTerms.Price(pricePerKwh, currency), cellOrigin, packOrigin, carbonKgPerKwh, passport);
    }
}
