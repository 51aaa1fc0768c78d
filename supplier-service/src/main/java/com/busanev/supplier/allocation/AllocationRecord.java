package com.busanev.supplier.allocation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/** The allocation last announced for a week and region. */
@Entity
@Table(name = "allocation")
@IdClass(AllocationRecord.Key.class)
public class AllocationRecord extends PanacheEntityBase {
    @Id
    public String week;
    @Id
    public String region;
    public int packs;
    /** "contractId:supplier:packs;..." of the sources, to tell a changed split from an unchanged one. */
    public String sources;
    @Column(name = "allocated_at")
    public Instant allocatedAt;

    /** The allocated packs per supplier (a supplier's contracts summed), by supplier code. */
    public Map<String, Integer> packsBySupplier() {
        Map<String, Integer> packs = new TreeMap<>();
        Arrays.stream(sources.split(";")).filter(source -> !source.isEmpty()).map(source -> source.split(":"))
                .forEach(source -> packs.merge(source[1], Integer.parseInt(source[2]), Integer::sum));
        return packs;
    }

    /** The packs of one contract in this allocation. */
    public int packsOf(UUID contractId) {
        String id = contractId.toString();
        return Arrays.stream(sources.split(";")).filter(source -> source.startsWith(id + ":"))
                .mapToInt(source -> Integer.parseInt(source.split(":")[2])).sum();
    }

    public static class Key implements Serializable {
        public String week;
        public String region;

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
