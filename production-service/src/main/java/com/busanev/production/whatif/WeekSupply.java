package com.busanev.production.whatif;

import com.busanev.production.plan.PackBudget;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One week's packs of one region by supplier, as the hypothetical changes rework them: the split supplier-service
 * sent with the allocation, plus the packs it named no supplier for (these stay as they are).
 */
final class WeekSupply {
    private final Map<String, Integer> bySupplier;
    private final int unnamed;

    WeekSupply(PackBudget budget) {
        bySupplier = budget == null ? new LinkedHashMap<>() : budget.bySupplier();
        int named = bySupplier.values().stream().mapToInt(Integer::intValue).sum();
        unnamed = budget == null ? 0 : Math.max(0, budget.allocated - named);
    }

    int total() {
        return unnamed + bySupplier.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The supplier delivers only this share of its packs (rounded down: a part of a pack is no pack). */
    void scale(String supplier, double share) {
        bySupplier.computeIfPresent(supplier, (name, packs) -> (int) Math.floor(packs * share + 1e-9));
    }

    void remove(String supplier) {
        bySupplier.remove(supplier);
    }

    void add(String supplier, int packs) {
        bySupplier.merge(supplier, packs, Integer::sum);
    }
}
