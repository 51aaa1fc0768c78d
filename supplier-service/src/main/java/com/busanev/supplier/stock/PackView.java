package com.busanev.supplier.stock;

import com.busanev.supplier.contract.Chemistry;
import com.busanev.supplier.contract.ContractTerms;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One pack's genealogy: supplier, delivery, contract and the version of its terms the pack was received under (so the
 * cells' origin, chemistry and declared footprint as they were), and once built in, the car (order, VIN, market).
 */
public record PackView(String serial, String supplier, PackStatus status, UUID deliveryId, UUID contractId,
        int contractVersion, double capacityKwh, Chemistry chemistry, String cellOrigin, String packOrigin,
        Double carbonFootprintKgCo2ePerKwh, LocalDate expectedOn, LocalDate receivedOn, UUID orderId, String vin,
        String market, Instant consumedAt) {
    static PackView of(Pack pack, Delivery delivery, int version, ContractTerms terms) {
        return new PackView(pack.serial, pack.supplierCode, pack.status, pack.deliveryId, pack.contractId, version,
                terms.packSpec().capacityKwh(), terms.packSpec().chemistry(), terms.cellOrigin(), terms.packOrigin(),
                terms.carbonFootprintKgCo2ePerKwh(), delivery.expectedOn, pack.receivedOn, pack.orderId, pack.vin,
                pack.market, pack.consumedAt);
    }
}
