package com.busanev.supplier.calloff;

import com.busanev.events.SequenceFrozen;
import com.busanev.supplier.allocation.AllocationRecord;
import com.busanev.supplier.allocation.Demand;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The call-off in sequence: when a day's line sequence is frozen, each Polestar build of the day gets the supplier
 * that delivers its pack. An order's pack comes from the allocation of its demand's week and region, split among that
 * allocation's suppliers in proportion to their packs along the order's positions ({@link PackSplit}). An order with
 * no demand known here, or whose week and region have nothing allocated, is kept as {@link CallOffLine#UNALLOCATED}:
 * procurement sees the gap, no supplier is asked for the pack.
 */
@ApplicationScoped
public class CallOffs {
    /**
     * Replaces the day's lines with those of this sequence, in the caller's transaction (the consumer's batch). Each
     * day must come once per call: the last SequenceFrozen of a day in a batch is the one that counts.
     */
    public Uni<Void> freeze(List<SequenceFrozen> frozen) {
        if (frozen.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<UUID> orders = frozen.stream().flatMap(day -> day.orders().stream()).distinct().toList();
        // the batch's demand is already written (by statements, before this), so an order scheduled in it is known
        return Demand.<Demand>list("orderId in ?1", orders)
                .map(demand -> demand.stream().collect(Collectors.toMap(d -> d.orderId, Function.identity())))
                .chain(demand -> allocationsOf(demand.values())
                        .map(allocations -> frozen.stream()
                                .flatMap(day -> lines(day, demand, allocations).stream()).toList()))
                .chain(lines -> CallOffLine.delete("day in ?1", frozen.stream().map(SequenceFrozen::day).toList())
                        .chain(() -> Panache.getSession()).chain(session -> session.persistAll(lines.toArray())));
    }

    private static Uni<List<AllocationRecord>> allocationsOf(Collection<Demand> demand) {
        List<String> weeks = demand.stream().map(d -> d.week).distinct().toList();
        return weeks.isEmpty() ? Uni.createFrom().item(List.of()) : AllocationRecord.list("week in ?1", weeks);
    }

    private static List<CallOffLine> lines(SequenceFrozen day, Map<UUID, Demand> demand, List<AllocationRecord> allocations) {
        Map<String, AllocationRecord> byWeekAndRegion = new HashMap<>();
        allocations.forEach(a -> byWeekAndRegion.put(a.week + "/" + a.region, a));
        List<CallOffLine> lines = new ArrayList<>(day.orders().size());
        Map<AllocationRecord, List<CallOffLine>> bySource = new LinkedHashMap<>();
        for (int i = 0; i < day.orders().size(); i++) {
            CallOffLine line = new CallOffLine();
            line.day = day.day();
            line.position = i + 1;
            line.orderId = day.orders().get(i);
            line.frozenAt = day.frozenAt();
            line.supplier = CallOffLine.UNALLOCATED;
            Demand known = demand.get(line.orderId);
            if (known != null) {
                line.region = known.region;
                line.week = known.week;
                AllocationRecord allocation = byWeekAndRegion.get(known.week + "/" + known.region.name());
                if (allocation != null && allocation.packs > 0) {
                    bySource.computeIfAbsent(allocation, a -> new ArrayList<>()).add(line);
                }
            }
            lines.add(line);
        }
        bySource.forEach((allocation, allocated) -> {
            List<String> suppliers = PackSplit.of(allocation.packsBySupplier(), allocated.size());
            for (int i = 0; i < allocated.size(); i++) {
                allocated.get(i).supplier = suppliers.get(i);
            }
        });
        return lines;
    }
}
