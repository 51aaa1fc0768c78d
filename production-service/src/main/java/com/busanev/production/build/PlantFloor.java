package com.busanev.production.build;

import com.busanev.events.BuildStarted;
import com.busanev.events.VehicleBuilt;
import com.busanev.kit.outbox.Outbox;
import com.busanev.kit.problem.ProblemException;
import com.busanev.production.pack.PackStock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

/** Starting and completing builds on the line, from the plant floor or the line simulator. */
@ApplicationScoped
public class PlantFloor {
    private final Outbox outbox;
    private final PackStock packs;
    private final Clock clock;

    PlantFloor(Outbox outbox, PackStock packs, Clock clock) {
        this.outbox = outbox;
        this.packs = packs;
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

    /**
     * Call inside a transaction. Takes the scanned pack (a received pack, in no other car, allowed for the car's market:
     * else 409 naming it and why), assigns the VIN and announces the car (row locked, as in start).
     */
    public Uni<Build> complete(UUID orderId, CompleteRequest report) {
        return locked(orderId).chain(build -> completable(build) ? serials(1).chain(serials -> complete(build, report,
                report.batteryPackSerial(), serials.get(0))) : Uni.createFrom().item(build));
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
     * Completes up to {@code max} builds started before {@code startedBefore}, rows locked as read, each with a pack in
     * stock that its market allows (oldest receipt first; a build for which none is left waits in production), the VIN
     * serials drawn in one query. Call inside a transaction.
     */
    public Uni<List<Build>> completeDue(Instant startedBefore, int max, Supplier<CompleteRequest> reports) {
        return Build.<Build>find("status = ?1 and startedAt <= ?2 order by startedAt", BuildStatus.IN_PRODUCTION,
                        startedBefore)
                .page(0, max).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(started -> {
                    Map<String, List<Build>> byMarket = started.stream()
                            .collect(Collectors.groupingBy(b -> b.market, TreeMap::new, Collectors.toList()));
                    return Multi.createFrom().iterable(byMarket.entrySet())
                            .onItem().transformToUniAndConcatenate(market -> completeWithStock(market.getValue(),
                                    market.getKey(), reports))
                            .collect().asList()
                            .map(done -> done.stream().flatMap(List::stream).toList());
                });
    }

    /** The builds of one market, as far as its packs in stock go; each market's packs are taken before the next asks. */
    private Uni<List<Build>> completeWithStock(List<Build> builds, String market, Supplier<CompleteRequest> reports) {
        return packs.available(market, builds.size())
                .chain(stock -> serials(stock.size()).chain(serials -> Multi.createFrom().range(0, stock.size())
                        .onItem().transformToUniAndConcatenate(i -> complete(builds.get(i), reports.get(),
                                stock.get(i).serial, serials.get(i)))
                        .collect().asList()))
                .call(() -> Panache.getSession().chain(Mutiny.Session::flush));
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

    /** Whether the build is in production; a built one is answered as it is (a completion sent twice), any other is 409. */
    private static boolean completable(Build build) {
        if (build.status == BuildStatus.BUILT) {
            return false;
        }
        if (build.status != BuildStatus.IN_PRODUCTION) {
            throw ProblemException.conflict("Only a build in production can complete; this one is " + build.status + ".");
        }
        return true;
    }

    /**
     * The build's row must be locked by the caller's transaction and the build in production; {@code packSerial} is
     * the scanned pack, {@code vinSerial} the car's VIN serial.
     */
    private Uni<Build> complete(Build build, CompleteRequest report, String packSerial, long vinSerial) {
        Instant now = clock.instant();
        return packs.take(packSerial, build.orderId, build.market, now).map(pack -> {
                    build.status = BuildStatus.BUILT;
                    build.completedAt = now;
                    build.vin = Vin.assign(build.variant, LocalDate.now(clock).getYear() + 1, vinSerial % 1_000_000);
                    build.packSerial = pack.serial;
                    build.packSupplier = pack.supplier;
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

    private Uni<Build> locked(UUID orderId) {
        return Build.<Build>findById(orderId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No build for order " + orderId + "."));
    }
}
