package com.busanev.supplier.stock;

import com.busanev.events.VehicleBuilt;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Marks the packs the plant built into cars (VehicleBuilt names the scanned serial): consumed, with the car's order,
 * VIN and market, which is the genealogy's link from pack to car. The plant floor checked the serial against its
 * projection of received packs before it completed the build, so an unknown one here (a car built before packs
 * were tracked) is logged and left. Runs in the consumer's transaction.
 */
@ApplicationScoped
public class PackConsumption {
    private static final Logger LOG = Logger.getLogger(PackConsumption.class);
    private static final String CONSUME = """
            UPDATE pack SET status = 'CONSUMED', order_id = ?2, vin = ?3, market = ?4, consumed_at = ?5
            WHERE serial = ?1 AND status = 'RECEIVED'""";

    public Uni<Void> consume(List<VehicleBuilt> built) {
        return Multi.createFrom().iterable(built)
                .onItem().transformToUniAndConcatenate(car -> Panache.getSession()
                        .chain(s -> s.createNativeQuery(CONSUME).setParameter(1, car.batteryPackSerial())
                                .setParameter(2, car.orderId()).setParameter(3, car.vin()).setParameter(4, car.market())
                                .setParameter(5, car.builtAt()).executeUpdate())
                        .invoke(updated -> {
                            if (updated == 0) {
                                LOG.warnf("VIN %s: pack %s is not a received pack here; its genealogy is not recorded",
                                        car.vin(), car.batteryPackSerial());
                            }
                        }))
                .collect().last().replaceWithVoid();
    }
}
