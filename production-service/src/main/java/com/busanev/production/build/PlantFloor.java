package com.busanev.production.build;

import com.busanev.events.BuildStarted;
import com.busanev.events.IsoWeek;
import com.busanev.events.VehicleBuilt;
import com.busanev.kit.outbox.Outbox;
import com.busanev.kit.problem.ProblemException;
import com.busanev.production.plan.PackBudget;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
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
        return locked(orderId).chain(this::start);
    }

    /** Call inside a transaction. Assigns the VIN and the battery pack, and announces the car (row locked, as in start). */
    public Uni<Build> complete(UUID orderId, CompleteRequest report) {
        return locked(orderId).chain(build -> serials(1).chain(serials -> complete(build, report, serials.get(0))));
    }

    /**
     * Starts up to {@code max} scheduled builds whose day has come, earliest day first, locking their rows as they
     * are read (as {@link #start(UUID)} does: a cancel decided meanwhile takes its build out, since PostgreSQL
     * re-checks the status of a row it waited for). Call inside a transaction.
     */
    public Uni<List<Build>> startDue(LocalDate today, int max) {
        return Build.<Build>find("status = ?1 and plannedDate <= ?2 order by plannedDate", BuildStatus.SCHEDULED, today)
                .page(0, max).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(due -> Multi.createFrom().iterable(due).onItem().transformToUniAndConcatenate(this::start)
                        .collect().asList());
    }

    /**
     * Completes up to {@code max} builds started before {@code startedBefore}, rows locked as read, with the VIN
     * serials of all of them drawn in one query. Call inside a transaction.
     */
    public Uni<List<Build>> completeDue(Instant startedBefore, int max, Supplier<CompleteRequest> reports) {
        return Build.<Build>find("status = ?1 and startedAt <= ?2", BuildStatus.IN_PRODUCTION, startedBefore)
                .page(0, max).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(done -> serials(done.size()).chain(serials -> Multi.createFrom().range(0, done.size())
                        .onItem().transformToUniAndConcatenate(i -> complete(done.get(i), reports.get(), serials.get(i)))
                        .collect().asList()));
    }

    /** The build's row must be locked by the caller's transaction. */
    private Uni<Build> start(Build build) {
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
    }

    /** The build's row must be locked by the caller's transaction; {@code serial} is the car's VIN serial. */
    private Uni<Build> complete(Build build, CompleteRequest report, long serial) {
        if (build.status == BuildStatus.BUILT) {
            return Uni.createFrom().item(build);
        }
        if (build.status != BuildStatus.IN_PRODUCTION) {
            return Uni.createFrom().failure(ProblemException.conflict(
                    "Only a build in production can complete; this one is " + build.status + "."));
        }
        IsoWeek week = IsoWeek.of(build.plannedDate);
        return PackBudget.<PackBudget>findById(new PackBudget.Key(week.toString(), build.region.name()))
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
                })
                .call(b -> outbox.append(new VehicleBuilt(b.orderId, b.brand, b.vin, b.market, b.region,
                        b.packSerial, b.packSupplier, b.defects, b.co2Kg, b.completedAt)));
    }

    /** {@code count} VIN serials in one round trip. */
    private static Uni<List<Long>> serials(int count) {
        if (count == 0) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT nextval('vin_serial') FROM generate_series(1, ?1)", Long.class)
                .setParameter(1, count).getResultList());
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
