package com.busanev.supplier.allocation;

import java.util.UUID;

/**
 * What one contract can give one ISO week, as the allocator sees it: packs, cost per pack in the reporting
 * currency, and the facts the sourcing rules look at.
 */
public record SupplyLine(UUID contractId, String supplier, int packs, double costPerPack, String cellOrigin,
        Double carbonKgPerKwh) {
}
