package com.busanev.production.whatif;

import com.busanev.events.IsoWeek;
import com.busanev.events.Region;
import com.busanev.production.plan.PackBudget;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pack totals of the plan's weeks once the hypothetical changes are applied, in their order, to each week's
 * split by supplier: only the weeks whose total changes, what each change added or took away over the horizon, and
 * per region the packs it gains and the latest week that gains (orders blocked for packs up to that week may find
 * a slot, at most as many as the packs gained).
 */
record SupplyScenario(Map<Region, Map<IsoWeek, Integer>> totals, int[] packsByChange, Map<Region, Gain> gains) {

    /** Packs a region gains over the weeks that gain, up to the latest of them. */
    record Gain(IsoWeek upTo, int packs) {
    }

    static SupplyScenario of(List<IsoWeek> weeks, List<PackBudget> budgets, List<SupplyChange> changes) {
        Map<String, PackBudget> stored = new HashMap<>();
        budgets.forEach(budget -> stored.put(budget.week + "/" + budget.region, budget));
        Map<Region, Map<IsoWeek, Integer>> totals = new EnumMap<>(Region.class);
        Map<Region, Gain> gains = new EnumMap<>(Region.class);
        int[] packsByChange = new int[changes.size()];
        for (Region region : Region.values()) {
            for (IsoWeek week : weeks) {
                PackBudget budget = stored.get(week + "/" + region);
                WeekSupply supply = new WeekSupply(budget);
                int before = supply.total();
                int previous = before;
                for (int i = 0; i < changes.size(); i++) {
                    changes.get(i).apply(week, region, supply);
                    packsByChange[i] += supply.total() - previous;
                    previous = supply.total();
                }
                if (previous != before) {
                    totals.computeIfAbsent(region, r -> new TreeMap<>()).put(week, previous);
                }
                if (previous > before) {
                    int gained = previous - before;
                    gains.merge(region, new Gain(week, gained), (earlier, later) -> new Gain(week, earlier.packs() + gained));
                }
            }
        }
        return new SupplyScenario(totals, packsByChange, gains);
    }
}
