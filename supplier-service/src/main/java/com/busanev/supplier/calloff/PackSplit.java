package com.busanev.supplier.calloff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits positions in line order among suppliers in proportion to their packs: each next position goes to the
 * supplier furthest behind its share so far (a largest-remainder sequence), ties to the lower supplier code. After
 * any number of positions each supplier's count is within one of its exact share, so the packs of each supplier are
 * spread along the day instead of coming in one block. Pure and deterministic.
 */
final class PackSplit {
    private PackSplit() {
    }

    /** The supplier of each of {@code positions} positions; {@code packs} by supplier code in ascending order, some positive. */
    static List<String> of(Map<String, Integer> packs, int positions) {
        List<String> suppliers = List.copyOf(packs.keySet());
        long total = packs.values().stream().mapToLong(Integer::longValue).sum();
        long[] assigned = new long[suppliers.size()];
        List<String> split = new ArrayList<>(positions);
        for (int k = 1; k <= positions; k++) {
            int behindMost = 0;
            long behindMostBy = Long.MIN_VALUE;
            for (int s = 0; s < suppliers.size(); s++) {
                // k * share - assigned, scaled by total to stay in whole numbers
                long behind = k * (long) packs.get(suppliers.get(s)) - assigned[s] * total;
                if (behind > behindMostBy) {
                    behindMost = s;
                    behindMostBy = behind;
                }
            }
            assigned[behindMost]++;
            split.add(suppliers.get(behindMost));
        }
        return split;
    }
}
