package com.busanev.supplier.stock;

import static com.busanev.kit.sql.ArrayColumns.texts;
import static com.busanev.kit.sql.ArrayColumns.timeTexts;
import static com.busanev.kit.sql.ArrayColumns.uuids;

import com.busanev.events.VehicleBuilt;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Marks the packs the plant built into cars (VehicleBuilt names the scanned serial): consumed, with the car's order,
 * VIN, market and brand, which is the genealogy's link from pack to car, and a new version of the pack's battery
 * passport. The plant floor checked the serial against its projection of received packs before it completed the
 * build, so an unknown one here (a car built before packs were tracked) is logged and left. Runs in the consumer's
 * transaction.
 */
@ApplicationScoped
public class PackConsumption {
    /** A pack built into a car: its passport's new version and the contract version whose facts it shows. */
    public record BuiltPack(String serial, int passportVersion, UUID contractId, int contractVersion, UUID orderId,
            String vin, String market) {
    }

    private static final Logger LOG = Logger.getLogger(PackConsumption.class);
    /**
     * One statement for a batch of cars; a serial is in one car only (the plant floor checked it). The pack keeps the
     * week of its car's demand (written earlier in the batch, or before it), which the supply ledger counts it in.
     */
    private static final String CONSUME = """
            UPDATE pack SET status = 'CONSUMED', order_id = car.order_id, vin = car.vin, market = car.market,
                            consumed_at = CAST(car.built_at AS timestamptz), brand = car.brand,
                            passport_version = passport_version + 1,
                            demand_week = (SELECT week FROM demand WHERE demand.order_id = car.order_id)
            FROM unnest(CAST(?1 AS text[]), CAST(?2 AS uuid[]), CAST(?3 AS text[]), CAST(?4 AS text[]),
                        CAST(?5 AS text[]), CAST(?6 AS text[])) AS car(serial, order_id, vin, market, built_at, brand)
            WHERE pack.serial = car.serial AND pack.status = 'RECEIVED'
            RETURNING pack.serial, pack.passport_version, CAST(pack.contract_id AS text), pack.passport_contract_version""";

    /** The packs built in, in the order of {@code built}. */
    public Uni<List<BuiltPack>> consume(List<VehicleBuilt> built) {
        if (built.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(CONSUME, Object[].class)
                        .setParameter(1, texts(built, VehicleBuilt::batteryPackSerial))
                        .setParameter(2, uuids(built, VehicleBuilt::orderId))
                        .setParameter(3, texts(built, VehicleBuilt::vin))
                        .setParameter(4, texts(built, VehicleBuilt::market))
                        .setParameter(5, timeTexts(built, VehicleBuilt::builtAt))
                        .setParameter(6, texts(built, VehicleBuilt::brand))
                        .getResultList())
                .map(rows -> {
                    Map<String, Object[]> bySerial = rows.stream().collect(Collectors.toMap(row -> (String) row[0], row -> row));
                    List<BuiltPack> packs = new ArrayList<>(rows.size());
                    for (VehicleBuilt car : built) {
                        Object[] row = bySerial.get(car.batteryPackSerial());
                        if (row == null) {
                            LOG.warnf("VIN %s: pack %s is not a received pack here; its genealogy is not recorded",
                                    car.vin(), car.batteryPackSerial());
                        } else {
                            packs.add(new BuiltPack(car.batteryPackSerial(), ((Number) row[1]).intValue(),
                                    UUID.fromString((String) row[2]), ((Number) row[3]).intValue(), car.orderId(), car.vin(),
                                    car.market()));
                        }
                    }
                    return packs;
                });
    }
}
