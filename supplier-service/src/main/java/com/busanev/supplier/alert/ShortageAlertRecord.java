package com.busanev.supplier.alert;

import com.busanev.events.Region;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A shortage of compliant packs for a week and region: against the cars planned (DEMAND) or the EV plan (PLAN). */
@Entity
@Table(name = "shortage_alert")
public class ShortageAlertRecord extends PanacheEntityBase {
    public enum Kind {
        DEMAND, PLAN
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
}
