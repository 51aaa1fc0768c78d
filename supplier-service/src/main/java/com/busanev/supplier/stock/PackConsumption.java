package com.busanev.supplier.stock;

import com.busanev.events.VehicleBuilt;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
    private static final String CONSUME = """
            WITH built AS (
                UPDATE pack SET status = 'CONSUMED', order_id = ?2, vin = ?3, market = ?4, consumed_at = ?5, brand = ?6,
                                passport_version = passport_version + 1
                WHERE serial = ?1 AND status = 'RECEIVED'
                RETURNING passport_version, CAST(contract_id AS text), passport_contract_version)
            SELECT * FROM built""";

    /** The packs built in, in the order of {@code built}. */
    public Uni<List<BuiltPack>> consume(List<VehicleBuilt> built) {
        return Multi.createFrom().iterable(built)
                .onItem().transformToUniAndConcatenate(car -> Panache.getSession()
                        .chain(s -> s.createNativeQuery(CONSUME, Object[].class).setParameter(1, car.batteryPackSerial())
                                .setParameter(2, car.orderId()).setParameter(3, car.vin()).setParameter(4, car.market())
                                .setParameter(5, car.builtAt()).setParameter(6, car.brand()).getResultList())
                        .map(rows -> rows.stream().findFirst().map(row -> new BuiltPack(car.batteryPackSerial(),
                                ((Number) row[0]).intValue(), UUID.fromString((String) row[1]), ((Number) row[2]).intValue(),
                                car.orderId(), car.vin(), car.market())))
                        .invoke(pack -> {
                            if (pack.isEmpty()) {
                                LOG.warnf("VIN %s: pack %s is not a received pack here; its genealogy is not recorded",
                                        car.vin(), car.batteryPackSerial());
                            }
                        }))
                .filter(Optional::isPresent).map(Optional::get)
                .collect().asList();
    }
}
