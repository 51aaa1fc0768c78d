package com.busanev.supplier.stock;

import com.busanev.events.Region;
import com.busanev.supplier.contract.Chemistry;
import java.util.List;
import java.util.UUID;

/**
 * Pack stock now: per contract (a supplier and its pack spec) the packs in transit, on hand, built in and missing,
 * and per region the packs any of its cars may take (its strictest sourcing rule) against its safety stock.
 */
public record StockView(List<ContractStock> contracts, List<RegionStock> regions) {
    public record ContractStock(UUID contractId, String supplier, double capacityKwh, Chemistry chemistry,
            String cellOrigin, int inTransit, int onHand, int consumed, int missing) {
    }

    public record RegionStock(Region region, int onHand, int inTransit, int safetyStock, boolean belowSafetyStock) {
    }
}
