package com.busanev.logistics.passport;

import com.busanev.events.BatteryPassportIssued;
import com.busanev.kit.locks.AdvisoryLock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The latest battery passport of each order. A car's {@code VehicleBuilt} (production-events) and its passport
 * (supplier-events) arrive in concurrent transactions in either order: both take the order's
 * {@link AdvisoryLock#SHIPMENT_PASSPORT} before reading what the other writes ({@link #lockedLatest} before the
 * passport, {@link #record} before the shipment), so the later of the two sees the earlier one committed. All
 * methods run in the caller's transaction.
 */
@ApplicationScoped
public class Passports {
    private static final Logger LOG = Logger.getLogger(Passports.class);
    /** The ids as one array: Hibernate translates a query with an {@code in} list again at every call. */
    private static final String LATEST = "SELECT * FROM battery_passport WHERE order_id = ANY(CAST(?1 AS uuid[]))";
    private static final BinaryOperator<BatteryPassportIssued> NEWER = (a, b) -> b.version() > a.version() ? b : a;

    /**
     * Keeps the newest version of each order's passport: a version not above the one kept changes nothing. Takes the
     * orders' locks first; the caller then reads the orders' shipments. Returns the passports that changed.
     */
    public Uni<List<BatteryPassport>> record(List<BatteryPassportIssued> issued) {
        Map<UUID, BatteryPassportIssued> newest = issued.stream()
                .collect(Collectors.toMap(BatteryPassportIssued::orderId, Function.identity(), NEWER));
        return lockedLatest(newest.keySet()).chain(kept -> {
            List<BatteryPassport> changed = new ArrayList<>();
            List<BatteryPassport> fresh = new ArrayList<>();
            newest.values().forEach(passport -> {
                BatteryPassport known = kept.get(passport.orderId());
                if (known == null) {
                    fresh.add(BatteryPassport.of(passport));
                } else if (known.version < passport.version()) {
                    known.update(passport);
                    changed.add(known);
                } else {
                    LOG.debugf("order %s: passport version %d ignored, version %d is kept", passport.orderId(),
                            passport.version(), known.version);
                }
            });
            changed.addAll(fresh);
            // Panache refuses to persist an empty list
            return (fresh.isEmpty() ? Uni.createFrom().voidItem() : BatteryPassport.persist(fresh)).replaceWith(changed);
        });
    }

    /** The orders' passports, by order id, after taking the orders' locks (a car just built: see the class). */
    public Uni<Map<UUID, BatteryPassport>> lockedLatest(Collection<UUID> orders) {
        if (orders.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String[] keys = orders.stream().map(UUID::toString).toArray(String[]::new);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(AdvisoryLock.SHIPMENT_PASSPORT.xactLocks("?1"))
                        .setParameter(1, keys).getResultList())
                .chain(() -> latest(orders));
    }

    /**
     * The orders' passports, by order id, without the orders' locks: for cars already known whose shipment rows the
     * caller holds locked (a passport recorded meanwhile then re-judges the car once it gets the row).
     */
    public Uni<Map<UUID, BatteryPassport>> latest(Collection<UUID> orders) {
        if (orders.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(LATEST, BatteryPassport.class)
                        .setParameter(1, orders.toArray(UUID[]::new)).getResultList())
                .map(found -> found.stream().collect(Collectors.toMap(passport -> passport.orderId, Function.identity())));
    }
}
