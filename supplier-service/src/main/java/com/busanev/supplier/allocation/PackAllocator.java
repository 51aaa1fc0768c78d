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
 * three regions it is tiny). Only then the rest of the week's supply goes as headroom to the regions the
 * {@link Headroom} names, split by its shares, so the plant slots new orders of the week directly instead of
 * blocking them and waiting for an allocation. Headroom is recomputed from scratch with the week, so another
 * region's real demand takes a region's headroom back, never the packs its own demand (its scheduled builds) holds.
 * Pure and deterministic: equal costs go by supplier code and contract id, then by region (NA, EU, KR).
 */
public final class PackAllocator {
    public record Allocation(int packs, List<PackSource> sources) {
        public static final Allocation NONE = new Allocation(0, List.of());
    }

    /**
     * Who gets the supply left after real demand: the regions with a share (their shares are weights, need not sum to
     * 1), each taking packs its {@code allowed} rule accepts.
     */
    public record Headroom(Map<Region, Double> shares, BiPredicate<Region, SupplyLine> allowed) {
        /** Real demand only. */
        public static Headroom none() {
            return new Headroom(Map.of(), (region, line) -> false);
        }
    }

    /** Shares are decimal fractions (0.6, 0.3): a share that is a whole number of packs must not lose one to binary rounding. */
    private static final double SHARE_ROUNDING = 1e-9;

    private PackAllocator() {
    }

    public static Map<Region, Allocation> allocate(Map<Region, Integer> demand, List<SupplyLine> supply,
            BiPredicate<Region, SupplyLine> allowed, Headroom headroom) {
        List<SupplyLine> cheapestFirst = new ArrayList<>(supply);
        cheapestFirst.sort(Comparator.comparingDouble(SupplyLine::costPerPack).thenComparing(SupplyLine::supplier)
                .thenComparing(SupplyLine::contractId));
        Network network = new Network(cheapestFirst, allowed, headroom.allowed());
        for (Region region : Region.values()) {
            network.need(region, Math.max(0, demand.getOrDefault(region, 0)));
        }
        network.fill();
        // The rest by share first, then whatever a region's rule kept from the others (and rounding) to anyone allowed.
        int rest = network.unallocated();
        double weights = headroom.shares().values().stream().mapToDouble(share -> Math.max(0, share)).sum();
        if (rest > 0 && weights > 0) {
            headroom.shares().forEach((region, share) -> network.spare(region,
                    (int) Math.floor(rest * Math.max(0, share) / weights + SHARE_ROUNDING)));
            network.fill();
            headroom.shares().forEach((region, share) -> network.spare(region, share > 0 ? rest : 0));
            network.fill();
        }
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
     * Source -> contract line (its packs) -> region's demand or headroom (where the rule for it allows the line, at
     * the line's cost per pack) -> sink (the region's need, then its headroom). {@link #fill} augments along cheapest
     * paths until no more packs reach the sink; paths never leave the sink again, so what a region was given in one
     * pass is never taken back in the next.
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
        private final Edge[][] lineToSpare;
        private final Edge[] sourceToLine;
        private final Edge[] regionToSink = new Edge[Region.values().length];
        private final Edge[] spareToSink = new Edge[Region.values().length];
        private final int sink;

        Network(List<SupplyLine> lines, BiPredicate<Region, SupplyLine> allowed, BiPredicate<Region, SupplyLine> spare) {
            int regions = Region.values().length;
            sink = 1 + lines.size() + 2 * regions;
            for (int node = 0; node <= sink; node++) {
                edges.add(new ArrayList<>());
            }
            lineToRegion = new Edge[lines.size()][regions];
            lineToSpare = new Edge[lines.size()][regions];
            sourceToLine = new Edge[lines.size()];
            for (int i = 0; i < lines.size(); i++) {
                SupplyLine line = lines.get(i);
                sourceToLine[i] = add(0, 1 + i, Math.max(0, line.packs()), 0);
                // Cost in hundredths, so the path sums are exact.
                long cost = Math.round(line.costPerPack() * 100);
                for (Region region : Region.values()) {
                    if (allowed.test(region, line)) {
                        lineToRegion[i][region.ordinal()] = add(1 + i, regionNode(region), Integer.MAX_VALUE, cost);
                    }
                    if (spare.test(region, line)) {
                        lineToSpare[i][region.ordinal()] = add(1 + i, spareNode(region), Integer.MAX_VALUE, cost);
                    }
                }
            }
            for (Region region : Region.values()) {
                regionToSink[region.ordinal()] = add(regionNode(region), sink, 0, 0);
                spareToSink[region.ordinal()] = add(spareNode(region), sink, 0, 0);
            }
        }

        void need(Region region, int packs) {
            regionToSink[region.ordinal()].capacity += packs;
        }

        void spare(Region region, int packs) {
            spareToSink[region.ordinal()].capacity += packs;
        }

        /** Packs no region took yet. */
        int unallocated() {
            return Arrays.stream(sourceToLine).mapToInt(edge -> edge.capacity).sum();
        }

        int allocated(int line, Region region) {
            return flow(lineToRegion[line][region.ordinal()]) + flow(lineToSpare[line][region.ordinal()]);
        }

        private static int flow(Edge edge) {
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

        private int spareNode(Region region) {
            return 1 + lineToRegion.length + Region.values().length + region.ordinal();
        }
    }
}
