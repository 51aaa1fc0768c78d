package com.busanev.supplier.alert;

import com.busanev.events.Region;
import com.busanev.events.ShortageAlert;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A shortage of compliant packs for a week and region: against the cars planned (DEMAND), the EV plan (PLAN), or a
 * supplier's firm call-off not delivered (CALL_OFF: the contract, its supplier and the orders at risk).
 */
@Entity
@Table(name = "shortage_alert")
public class ShortageAlertRecord extends PanacheEntityBase {
    public enum Kind {
        DEMAND, PLAN, CALL_OFF
    }

    public enum Status {
        OPEN, RESOLVED
    }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String week;
    @Enumerated(EnumType.STRING)
    public Region region;
    public int demand;
    public int supply;
    public int gap;
    @Enumerated(EnumType.STRING)
    public Severity severity;
    public String detail;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "raised_at")
    public Instant raisedAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    /** CALL_OFF only: the contract and supplier short of their call-off. */
    @Column(name = "contract_id")
    public UUID contractId;
    public String supplier;
    /** CALL_OFF only: the ids of the orders at risk, comma-separated. */
    @Column(name = "orders_at_risk")
    public String ordersAtRisk;

    /** A new open alert; {@link #follow} gives it its numbers. */
    public static ShortageAlertRecord opened(Kind kind, String week, Region region, Instant now) {
        ShortageAlertRecord alert = new ShortageAlertRecord();
        alert.id = UUID.randomUUID();
        alert.kind = kind;
        alert.week = week;
        alert.region = region;
        alert.status = Status.OPEN;
        alert.raisedAt = now;
        return alert;
    }

    /**
     * Takes the latest numbers; true when the alert is new or its severity rose, the only times it is announced (an
     * open alert follows the numbers quietly otherwise).
     */
    public boolean follow(int need, int supply, int gap, String detail) {
        Severity now = Severity.of(gap, need);
        boolean announce = severity == null || now.compareTo(severity) > 0;
        this.demand = need;
        this.supply = supply;
        this.gap = gap;
        this.severity = now;
        this.detail = detail;
        return announce;
    }

    public void resolve(Instant now) {
        status = Status.RESOLVED;
        resolvedAt = now;
    }

    /** The ShortageAlert event announcing it. */
    public ShortageAlert announcement(Instant now) {
        return new ShortageAlert(id, week, region, demand, supply, gap, severity.name(), kind + ": " + detail, now);
    }

    public List<UUID> orders() {
        return ordersAtRisk == null || ordersAtRisk.isEmpty() ? List.of()
                : Arrays.stream(ordersAtRisk.split(",")).map(UUID::fromString).toList();
    }

    public void orders(List<UUID> orders) {
        ordersAtRisk = orders.stream().map(UUID::toString).collect(Collectors.joining(","));
    }
}
