package com.busanev.supplier.schedule;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The packs a schedule revision calls off for one ISO week, the contract's flex bounds that week, and where the number
 * comes from (null on lines issued before that was kept).
 */
@Entity
@Table(name = "delivery_schedule_line")
@IdClass(ScheduleLine.Key.class)
public class ScheduleLine extends PanacheEntityBase {
    @Id
    @Column(name = "schedule_id")
    public UUID scheduleId;
    @Id
    public String week;
    public int packs;
    @Enumerated(EnumType.STRING)
    public LineKind kind;
    @Column(name = "flex_min")
    public int flexMin;
    @Column(name = "flex_max")
    public int flexMax;
    @Enumerated(EnumType.STRING)
    public Basis basis;

    ScheduleLine() {
    }

    ScheduleLine(String week, int packs, LineKind kind, int flexMin, int flexMax, Basis basis) {
        this.week = week;
        this.packs = packs;
        this.kind = kind;
        this.flexMin = flexMin;
        this.flexMax = flexMax;
        this.basis = basis;
    }

    public static class Key implements Serializable {
        public UUID scheduleId;
        public String week;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.scheduleId.equals(scheduleId) && k.week.equals(week);
        }

        @Override
        public int hashCode() {
            return Objects.hash(scheduleId, week);
        }
    }
}
