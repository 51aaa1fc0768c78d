package com.busanev.production.build;

import com.busanev.events.BuildStarted;
import com.busanev.events.IsoWeek;
import com.busanev.events.VehicleBuilt;
import com.busanev.kit.outbox.Outbox;
import com.busanev.kit.problem.ProblemException;
import com.busanev.production.plan.PackBudget;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Starting and completing builds on the line, from the plant floor or the line simulator. */
@ApplicationScoped
public class PlantFloor {
    private final Outbox outbox;
    private final Clock clock;

    PlantFloor(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Call inside a transaction. From now on the order cannot be cancelled: the build's row stays locked until the
     * transaction ends, and a cancel request takes the same lock (Planner.cancel), so either the cancel came first
     * and the build is no longer SCHEDULED (409), or the cancel comes after and finds it started.
     */
    public Uni<Build> start(UUID orderId) {
        return locked(orderId).chain(build -> {
            if (build.status == BuildStatus.IN_PRODUCTION) {
                return Uni.createFrom().item(build);
            }
            if (build.status != BuildStatus.SCHEDULED) {
                return Uni.createFrom().failure(ProblemException.conflict(
                        "Only a scheduled build can start; this one is " + build.status + "."));
            }
            Instant now = clock.instant();
            build.status = BuildStatus.IN_PRODUCTION;
            build.startedAt = now;
            return outbox.append(new BuildStarted(build.orderId, build.plannedDate, now)).replaceWith(build);
        });
    }

    /** Call inside a transaction. Assigns the VIN and the battery pack, and announces the car (row locked, as in start). */
    public Uni<Build> complete(UUID orderId, CompleteRequest report) {
        return locked(orderId).chain(build -> {
            if (build.status == BuildStatus.BUILT) {
                return Uni.createFrom().item(build);
            }
            if (build.status != BuildStatus.IN_PRODUCTION) {
                return Uni.createFrom().failure(ProblemException.conflict(
                        "Only a build in production can complete; this one is " + build.status + "."));
            }
            IsoWeek week = IsoWeek.of(build.plannedDate);
            return Panache.getSession()
                    .chain(s -> s.createNativeQuery("SELECT nextval('vin_serial')", Long.class).getSingleResult())
                    .chain(serial -> PackBudget.<PackBudget>findById(new PackBudget.Key(week.toString(), build.region.name()))
                            .map(budget -> {
                                Instant now = clock.instant();
                                String supplier = supplierFor(budget, serial);
                                build.status = BuildStatus.BUILT;
                                build.completedAt = now;
                                build.vin = Vin.assign(build.variant, LocalDate.now(clock).getYear() + 1, serial % 1_000_000);
                                build.packSupplier = supplier;
                                build.packSerial = report.batteryPackSerial() != null ? report.batteryPackSerial()
                                        : String.format("%s-%d%02d-%06d", supplier, week.year(), week.week(), serial % 1_000_000);
                                build.defects = report.defects();
                                build.co2Kg = report.co2Kg();
                                return build;
                            }))
                    .call(b -> outbox.append(new VehicleBuilt(b.orderId, b.brand, b.vin, b.market, b.region,
                            b.packSerial, b.packSupplier, b.defects, b.co2Kg, b.completedAt)));
        });
    }

    /** Packs of a week come from its suppliers in proportion to their allocation. */
    static String supplierFor(PackBudget budget, long serial) {
        if (budget == null || budget.suppliers == null || budget.suppliers.isBlank()) {
            return "UNALLOCATED";
        }
        String[] parts = budget.suppliers.split(",");
        int total = 0;
        for (String part : parts) {
            total += Integer.parseInt(part.substring(part.indexOf(':') + 1));
        }
        long pick = total == 0 ? 0 : serial % total;
        for (String part : parts) {
            pick -= Integer.parseInt(part.substring(part.indexOf(':') + 1));
            if (pick < 0) {
                return part.substring(0, part.indexOf(':'));
            }
        }
        return parts[0].substring(0, parts[0].indexOf(':'));
    }

    private Uni<Build> locked(UUID orderId) {
        return Build.<Build>findById(orderId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No build for order " + orderId + "."));
    }
}
