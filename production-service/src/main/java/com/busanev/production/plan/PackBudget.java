package com.busanev.production.plan;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Packs supplier-service allocated to one ISO week and region, and which suppliers they come from. */
@Entity
@Table(name = "pack_budget")
@IdClass(PackBudget.Key.class)
public class PackBudget extends PanacheEntityBase {
    @Id
    public String week;
    @Id
    public String region;
    public int allocated;
    /** Supplier codes with their pack counts, "LGES:120,SDI:40": the plant draws packs in that proportion. */
    public String suppliers;
    @Column(name = "allocated_at")
    public Instant allocatedAt;

    /** The supplier split, in the order stored; empty when supplier-service named no source. */
    public Map<String, Integer> bySupplier() {
        Map<String, Integer> split = new LinkedHashMap<>();
        if (suppliers != null && !suppliers.isBlank()) {
            for (String part : suppliers.split(",")) {
                int colon = part.indexOf(':');
                split.merge(part.substring(0, colon), Integer.parseInt(part.substring(colon + 1)), Integer::sum);
            }
        }
        return split;
    }

    public static class Key implements Serializable {
        public String week;
        public String region;

        public Key() {
        }

        public Key(String week, String region) {
            this.week = week;
            this.region = region;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.week.equals(week) && k.region.equals(region);
        }

        @Override
        public int hashCode() {
            return Objects.hash(week, region);
        }
    }
}
