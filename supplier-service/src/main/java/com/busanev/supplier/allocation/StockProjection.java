package com.busanev.supplier.allocation;

import com.busanev.events.IsoWeek;
import com.busanev.events.PackSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToIntBiFunction;

/**
 * What each contract can give each week, from real stock. Pure: the planner loads the counts, then walks the weeks in
 * order from the current one, asking {@link #supply} and telling {@link #consume} what the week's real demand took.
 * <ul>
 *   <li>The current week starts with the packs on hand (received, not built into a car); each week adds the packs of
 *   notices due that week (confirmed inbound; an overdue notice counts in the current week) and whatever its real
 *   demand did not use carries over to the next week.</li>
 *   <li>From {@code confirmedWeeks} weeks ahead on, a contract's commitment is counted as forecast as far as that
 *   week's notices do not cover it yet (no notice exists that far ahead): the part not shipped yet does not carry
 *   over, since it is a promise, not packs.</li>
 *   <li>Packs already built into cars count in the week of their car's demand (so a week's built cars keep theirs).</li>
 * </ul>
 * A week's real demand draws the packs already built in first, then the forecast, then stock and inbound. A week
 * before the current one is given the stock on hand at the start of the current week, without taking from it: its
 * cars not yet built will be built from that stock now.
 */
final class StockProjection {
    /** One week of one contract: stock at the start, inbound due, forecast not covered by inbound, built-in packs. */
    record Part(int opening, int inbound, int forecast, int consumed) {
        int total() {
            return opening + inbound + forecast + consumed;
        }
    }

    private final IsoWeek current;
    private final int confirmedWeeks;
    private final List<SupplyLine> contracts;
    private final ToIntBiFunction<UUID, IsoWeek> owed;
    private final Map<UUID, Map<IsoWeek, Integer>> inbound;
    private final Map<UUID, Map<IsoWeek, Integer>> consumed;
    private final Map<UUID, Integer> onHand;
    private final Map<UUID, Integer> stock;
    private IsoWeek next;

    /**
     * @param contracts every contract as a supply line (its packs are ignored)
     * @param owed      a contract's committed packs for a week (0 when not active or out of term)
     * @param onHand    packs received and not built in, by contract
     * @param inbound   packs in transit by contract and week due (overdue ones in the current week)
     * @param consumed  packs built into cars, by contract and the week of the car's demand
     */
    StockProjection(IsoWeek current, int confirmedWeeks, List<SupplyLine> contracts, ToIntBiFunction<UUID, IsoWeek> owed,
            Map<UUID, Integer> onHand, Map<UUID, Map<IsoWeek, Integer>> inbound, Map<UUID, Map<IsoWeek, Integer>> consumed) {
        this.current = current;
        this.confirmedWeeks = confirmedWeeks;
        this.contracts = contracts;
        this.owed = owed;
        this.onHand = onHand;
        this.inbound = inbound;
        this.consumed = consumed;
        this.stock = new HashMap<>(onHand);
        this.next = current;
    }

    /** The week's parts by contract: a week before the current one any time, else the next week of the walk. */
    Map<UUID, Part> parts(IsoWeek week) {
        boolean past = week.compareTo(current) < 0;
        if (!past && !week.equals(next)) {
            throw new IllegalStateException("weeks from " + current + " are projected in order: " + next + " is next, not " + week);
        }
        Map<UUID, Part> parts = new HashMap<>();
        for (SupplyLine line : contracts) {
            UUID id = line.contractId();
            int built = of(consumed, id, week);
            if (past) {
                parts.put(id, new Part(onHand.getOrDefault(id, 0), of(inbound, id, current), 0, built));
                continue;
            }
            int arriving = of(inbound, id, week);
            int promised = week.compareTo(current.plusWeeks(confirmedWeeks)) >= 0
                    ? Math.max(0, owed.applyAsInt(id, week) - arriving) : 0;
            parts.put(id, new Part(stock.getOrDefault(id, 0), arriving, promised, built));
        }
        return parts;
    }

    /** The week's supply for the allocator: every contract with packs to give. */
    List<SupplyLine> supply(Map<UUID, Part> parts) {
        return contracts.stream()
                .map(line -> new SupplyLine(line.contractId(), line.supplier(), parts.get(line.contractId()).total(),
                        line.costPerPack(), line.cellOrigin(), line.carbonKgPerKwh()))
                .filter(line -> line.packs() > 0)
                .toList();
    }

    /** What the next week's real demand took, by contract; the rest of its stock and inbound carries over. */
    void consume(IsoWeek week, Map<UUID, Part> parts, List<PackSource> realUse) {
        if (!week.equals(next)) {
            throw new IllegalStateException(next + " is next, not " + week);
        }
        Map<UUID, Integer> used = new HashMap<>();
        realUse.forEach(source -> used.merge(source.contractId(), source.packs(), Integer::sum));
        parts.forEach((id, part) -> {
            int fromStock = Math.max(0, used.getOrDefault(id, 0) - part.consumed() - part.forecast());
            stock.put(id, Math.max(0, part.opening() + part.inbound() - fromStock));
        });
        next = next.plusWeeks(1);
    }

    /** Packs of the contract on hand at the start of the next week of the walk (after the weeks consumed so far). */
    int stock(UUID contract) {
        return stock.getOrDefault(contract, 0);
    }

    private static int of(Map<UUID, Map<IsoWeek, Integer>> counts, UUID contract, IsoWeek week) {
        return counts.getOrDefault(contract, Map.of()).getOrDefault(week, 0);
    }
}
