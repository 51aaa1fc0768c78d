package com.busanev.supplier.calloff;

import com.busanev.events.Region;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** One Polestar build of a frozen day, at its position in line order, and who delivers its pack. */
@Entity
@Table(name = "call_off_line")
@IdClass(CallOffLine.Key.class)
public class CallOffLine extends PanacheEntityBase {
    /** The supplier of a line whose order has no known demand, or whose week and region have no packs allocated. */
    public static final String UNALLOCATED = "UNALLOCATED";

    @Id
    public LocalDate day;
    /** 1-based among the day's Polestar builds (the plant's own cars between them are not counted). */
    @Id
    public int position;
    @Column(name = "order_id")
    public UUID orderId;
    public String supplier;
    /** Null when the order's demand is unknown. */
    @Enumerated(EnumType.STRING)
    public Region region;
    /** The ISO week of the allocation the pack comes from; null when the order's demand is unknown. */
    public String week;
    @Column(name = "frozen_at")
    public Instant frozenAt;

    public static class Key implements Serializable {
        public LocalDate day;
        public int position;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.day.equals(day) && k.position == position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(day, position);
        }
    }
}
