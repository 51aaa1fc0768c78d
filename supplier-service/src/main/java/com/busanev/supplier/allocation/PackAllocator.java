package com.busanev.supplier.allocation;

import com.busanev.events.PackSource;
import com.busanev.events.Region;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Allocates one week's pack supply to the regions' demand. First the real demand of every region: as much of it
 * as the supply can cover under the rules, and of all such allocations the cheapest, so a pack two regions may
 * take goes to the one with no other option (a minimum-cost flow from contracts to regions; at a few contracts and
 * three regions it is tiny). Only then, from what is left, each region with demand gets a headroom above it, so
 * new orders of the week slot without waiting for a new allocation; a region with no demand gets nothing.
 * Pure and deterministic: equal costs go by supplier code and contract id, then by region (NA, EU, KR).
 */
public final class PackAllocator {
    public record Allocation(int packs, List<PackSource> sources) {
        public static final Allocation NONE = new Allocation(0, List.of());
    }

    private PackAllocator() {
    }

    public static Map<Region, Allocation> allocate(Map<Region, Integer> demand, List<SupplyLine> supply, int headroom,
            BiPredicate<Region, SupplyLine> allowed) {
        List<SupplyLine> cheapestFirst = new ArrayList<>(supply);
        cheapestFirst.sort(Comparator.comparingDouble(SupplyLine::costPerPack).thenComparing(SupplyLine::supplier)
                .thenComparing(SupplyLine::contractId));
        Network network = new Network(cheapestFirst, allowed);
        for (Region region : Region.values()) {
            network.need(region, Math.max(0, demand.getOrDefault(region, 0)));
        }
        network.fill();
        for (Region region : Region.values()) {
            if (demand.getOrDefault(region, 0) > 0) {
                network.need(region, headroom);
            }
        }
        network.fill();
        Map<Region, Allocation> result = new EnumMap<>(Region.class);
        for (Region region : Region.values()) {
            List<PackSource> sources = new ArrayList<>();
            for (int i = 0; i < cheapestFirst.size(); i++) {
                int packs = network.allocated(i, region);
                if (packs > 0) {
                    SupplyLine line = cheapestFirst.get(i);
                    sources.add(new PackSource(line.contractId(), line.supplier(), packs));
                }
            }
            result.put(region, new Allocation(sources.stream().mapToInt(PackSource::packs).sum(), List.copyOf(sources)));
        }
        return result;
    }

    /** Packs the region's rule allows from this supply, ignoring what other regions take. */
    public static int compliantSupply(Region region, List<SupplyLine> supply, BiPredicate<Region, SupplyLine> allowed) {
        return supply.stream().filter(line -> allowed.test(region, line)).mapToInt(SupplyLine::packs).sum();
    }

    /**
     * Source -> contract line (its packs) -> region (where the rule allows it, at the line's cost per pack) -> sink
     * (the region's need). {@link #fill} augments along cheapest paths until no more packs reach the sink; paths
     * never leave the sink again, so what a region was given in one pass is never taken back in the next.
     */
    private static final class Network {
        private static final class Edge {
            final int to;
            final long cost;
            int capacity;
            Edge reverse;

            Edge(int to, int capacity, long cost) {
                this.to = to;
                this.capacity = capacity;
                this.cost = cost;
            }
        }

        private final List<List<Edge>> edges = new ArrayList<>();
        private final Edge[][] lineToRegion;
        private final Edge[] regionToSink = new Edge[Region.values().length];
        private final int sink;

        Network(List<SupplyLine> lines, BiPredicate<Region, SupplyLine> allowed) {
            int regions = Region.values().length;
            sink = 1 + lines.size() + regions;
            for (int node = 0; node <= sink; node++) {
                edges.add(new ArrayList<>());
            }
            lineToRegion = new Edge[lines.size()][regions];
            for (int i = 0; i < lines.size(); i++) {
                SupplyLine line = lines.get(i);
                add(0, 1 + i, Math.max(0, line.packs()), 0);
                for (Region region : Region.values()) {
                    if (allowed.test(region, line)) {
                        // Cost in hundredths, so the path sums are exact.
                        lineToRegion[i][region.ordinal()] = add(1 + i, regionNode(region), Integer.MAX_VALUE,
                                Math.round(line.costPerPack() * 100));
                    }
                }
            }
            for (Region region : Region.values()) {
                regionToSink[region.ordinal()] = add(regionNode(region), sink, 0, 0);
            }
        }

        void need(Region region, int packs) {
            regionToSink[region.ordinal()].capacity += packs;
        }

        int allocated(int line, Region region) {
            Edge edge = lineToRegion[line][region.ordinal()];
            return edge == null ? 0 : edge.reverse.capacity;
        }

        void fill() {
            Edge[] via;
            while ((via = cheapestPath()) != null) {
                int packs = Integer.MAX_VALUE;
                for (int node = sink; node != 0; node = via[node].reverse.to) {
                    packs = Math.min(packs, via[node].capacity);
                }
                for (int node = sink; node != 0; node = via[node].reverse.to) {
                    via[node].capacity -= packs;
                    via[node].reverse.capacity += packs;
                }
            }
        }

        /** Bellman-Ford over the residual network (undoing an allocation costs it back); null when the sink is unreachable. */
        private Edge[] cheapestPath() {
            long[] cost = new long[edges.size()];
            Arrays.fill(cost, Long.MAX_VALUE);
            cost[0] = 0;
            Edge[] via = new Edge[edges.size()];
            boolean changed = true;
            for (int round = 0; changed && round < edges.size(); round++) {
                changed = false;
                for (int node = 0; node < sink; node++) {
                    if (cost[node] == Long.MAX_VALUE) {
                        continue;
                    }
                    for (Edge edge : edges.get(node)) {
                        if (edge.capacity > 0 && cost[node] + edge.cost < cost[edge.to]) {
                            cost[edge.to] = cost[node] + edge.cost;
                            via[edge.to] = edge;
                            changed = true;
                        }
                    }
                }
            }
            return via[sink] == null ? null : via;
        }

        private Edge add(int from, int to, int capacity, long cost) {
            Edge forward = new Edge(to, capacity, cost);
            Edge backward = new Edge(from, 0, -cost);
            forward.reverse = backward;
            backward.reverse = forward;
            edges.get(from).add(forward);
            edges.get(to).add(backward);
            return forward;
        }

        private int regionNode(Region region) {
            return 1 + lineToRegion.length + region.ordinal();
        }
    }
}
