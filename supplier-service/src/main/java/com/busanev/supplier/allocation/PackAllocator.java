package com.busanev.supplier.allocation;

import com.busanev.events.PackSource;
import com.busanev.events.Region;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiPredicate;

/**
 * Allocates one week's pack supply to the regions' demand. Regions are served most constrained first (North
 * America, then Europe, then Korea) so a pack that only Korea may take is not wasted on a region with fewer
 * options; within a region the cheapest compliant supply goes first. A region gets its demand plus a headroom,
 * so new orders of the week slot without waiting for a new allocation; a region with no demand gets nothing.
 * Pure and deterministic.
 */
public final class PackAllocator {
    public record Allocation(int packs, List<PackSource> sources) {
        public static final Allocation NONE = new Allocation(0, List.of());
    }

    private static final List<Region> ORDER = List.of(Region.NA, Region.EU, Region.KR);

    private PackAllocator() {
    }

    public static Map<Region, Allocation> allocate(Map<Region, Integer> demand, List<SupplyLine> supply, int headroom,
            BiPredicate<Region, SupplyLine> allowed) {
        Map<UUID, Integer> left = new HashMap<>();
        supply.forEach(line -> left.merge(line.contractId(), line.packs(), Integer::sum));
        List<SupplyLine> cheapestFirst = new ArrayList<>(supply);
        cheapestFirst.sort(Comparator.comparingDouble(SupplyLine::costPerPack).thenComparing(SupplyLine::supplier)
                .thenComparing(SupplyLine::contractId));
        Map<Region, Allocation> result = new EnumMap<>(Region.class);
        for (Region region : ORDER) {
            int wanted = demand.getOrDefault(region, 0);
            if (wanted <= 0) {
                result.put(region, Allocation.NONE);
                continue;
            }
            int need = wanted + headroom;
            List<PackSource> sources = new ArrayList<>();
            for (SupplyLine line : cheapestFirst) {
                if (need == 0) {
                    break;
                }
                int available = left.getOrDefault(line.contractId(), 0);
                if (available <= 0 || !allowed.test(region, line)) {
                    continue;
                }
                int taken = Math.min(available, need);
                left.put(line.contractId(), available - taken);
                need -= taken;
                sources.add(new PackSource(line.contractId(), line.supplier(), taken));
            }
            result.put(region, new Allocation(sources.stream().mapToInt(PackSource::packs).sum(), List.copyOf(sources)));
        }
        return result;
    }

    /** Packs the region's rule allows from this supply, ignoring what other regions take. */
    public static int compliantSupply(Region region, List<SupplyLine> supply, BiPredicate<Region, SupplyLine> allowed) {
        return supply.stream().filter(line -> allowed.test(region, line)).mapToInt(SupplyLine::packs).sum();
    }
}
