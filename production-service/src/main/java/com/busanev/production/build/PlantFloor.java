package com.busanev.production.build;

import static com.busanev.kit.sql.ArrayColumns.texts;
import static com.busanev.kit.sql.ArrayColumns.uuids;

import com.busanev.events.BuildStarted;
import com.busanev.events.VehicleBuilt;
import com.busanev.kit.outbox.Outbox;
import com.busanev.kit.problem.ProblemException;
import com.busanev.production.pack.PackStock;
import com.busanev.production.pack.PackStock.TakenPack;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Starting and completing builds on the line, from the plant floor or the line simulator. */
@ApplicationScoped
public class PlantFloor {
    private static final String DUE_TO_START = "SELECT " + DueBuild.COLUMNS + " FROM build WHERE status = 'SCHEDULED'"
            + " AND planned_date <= ?1 ORDER BY planned_date LIMIT ?2 FOR UPDATE";
    private static final String STARTED = """
            UPDATE build SET status = 'IN_PRODUCTION', started_at = ?2, version = version + 1
            WHERE order_id = ANY(CAST(?1 AS uuid[]))""";
    private static final String DUE_TO_COMPLETE = "SELECT " + DueBuild.COLUMNS + " FROM build WHERE status = 'IN_PRODUCTION'"
            + " AND started_at <= ?1 ORDER BY started_at LIMIT ?2 FOR UPDATE";
    private static final String BUILT = """
            UPDATE build b SET status = 'BUILT', completed_at = ?7, vin = c.vin, pack_serial = c.pack_serial,
                pack_supplier = c.pack_supplier, defects = c.defects, co2_kg = c.co2_kg, version = b.version + 1
            FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS text[]), CAST(?3 AS text[]), CAST(?4 AS text[]),
                        CAST(CAST(?5 AS text[]) AS integer[]), CAST(CAST(?6 AS text[]) AS double precision[]))
                AS c(order_id, vin, pack_serial, pack_supplier, defects, co2_kg)
            WHERE b.order_id = c.order_id""";

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
     * Starts up to {@code max} scheduled builds whose day has come, earliest day first, with one statement each to
     * read and lock them, mark them started and announce them. The rows are locked as they are read, as {@link
     * #start(UUID)} locks its one: a cancel decided meanwhile takes its build out, since PostgreSQL re-checks the
     * status of a row it waited for. Returns how many started. Call inside a transaction.
     */
    public Uni<Integer> startDue(LocalDate today, int max) {
        Instant now = clock.instant();
        return Panache.getSession().chain(session -> session.createNativeQuery(DUE_TO_START,
                                session.getResultSetMapping(DueBuild.class, DueBuild.MAPPING))
                        .setParameter(1, today).setParameter(2, max).getResultList()
                        .call(due -> due.isEmpty() ? Uni.createFrom().voidItem() : session.createNativeQuery(STARTED)
                                .setParameter(1, uuids(due, DueBuild::orderId))
                                .setParameter(2, now.atOffset(ZoneOffset.UTC)).executeUpdate()))
                .call(due -> outbox.appendAll(due.stream()
                        .map(build -> new BuildStarted(build.orderId(), build.plannedDate(), now)).toList()))
                .map(List::size);
    }

    /**
     * Completes up to {@code max} builds started before {@code startedBefore} (rows locked as read), each with a pack in
     * stock that its market allows (a build for which none is left waits in production), with a statement each to
     * read them, draw their VIN serials, mark them built and announce them, and two per market to take the packs.
     * Returns how many completed. Call inside a transaction.
     */
    public Uni<Integer> completeDue(Instant startedBefore, int max, Supplier<CompleteRequest> reports) {
        Instant now = clock.instant();
        return Panache.getSession().chain(session -> session.createNativeQuery(DUE_TO_COMPLETE,
                                session.getResultSetMapping(DueBuild.class, DueBuild.MAPPING))
                        .setParameter(1, startedBefore.atOffset(ZoneOffset.UTC)).setParameter(2, max).getResultList())
                .chain(due -> takePacks(due, now).chain(taken -> serials(taken.size())
                        .map(serials -> built(due, taken, serials, reports, now))))
                .call(this::markBuilt)
                .call(outbox::appendAll)
                .map(List::size);
    }

    /** The packs these builds take, a market at a time so that no pack goes to two markets' cars. */
    private Uni<List<TakenPack>> takePacks(List<DueBuild> due, Instant at) {
        Map<String, List<UUID>> byMarket = due.stream().collect(Collectors.groupingBy(DueBuild::market, TreeMap::new,
                Collectors.mapping(DueBuild::orderId, Collectors.toList())));
        return Multi.createFrom().iterable(byMarket.entrySet())
                .onItem().transformToUniAndConcatenate(market -> packs.takeInStock(market.getKey(), market.getValue(), at))
                .collect().in(ArrayList::new, List::addAll);
    }

    /** The cars that the builds which got a pack become: the next VIN serial each, the simulator's inspection report. */
    private List<VehicleBuilt> built(List<DueBuild> due, List<TakenPack> taken, List<Long> serials,
            Supplier<CompleteRequest> reports, Instant at) {
        Map<UUID, DueBuild> builds = due.stream().collect(Collectors.toMap(DueBuild::orderId, build -> build));
        return IntStream.range(0, taken.size()).mapToObj(i -> {
            TakenPack pack = taken.get(i);
            DueBuild build = builds.get(pack.orderId());
            CompleteRequest report = reports.get();
            return new VehicleBuilt(build.orderId(), build.brand(), vin(build.variant(), serials.get(i)), build.market(),
                    build.region(), pack.serial(), pack.supplier(), report.defects(), report.co2Kg(), at);
        }).toList();
    }

    /** Writes what the cars' VehicleBuilt announce onto their builds, with one statement. */
    private Uni<Void> markBuilt(List<VehicleBuilt> cars) {
        if (cars.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(BUILT)
                .setParameter(1, uuids(cars, VehicleBuilt::orderId))
                .setParameter(2, texts(cars, VehicleBuilt::vin))
                .setParameter(3, texts(cars, VehicleBuilt::batteryPackSerial))
                .setParameter(4, texts(cars, VehicleBuilt::batterySupplier))
                .setParameter(5, texts(cars, car -> Integer.toString(car.defects())))
                .setParameter(6, texts(cars, car -> Double.toString(car.co2Kg())))
                .setParameter(7, cars.get(0).builtAt().atOffset(ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
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
                    build.vin = vin(build.variant, vinSerial);
                    build.packSerial = pack.serial;
                    build.packSupplier = pack.supplier;
                    build.defects = report.defects();
                    build.co2Kg = report.co2Kg();
                    return build;
                })
                .call(b -> outbox.append(new VehicleBuilt(b.orderId, b.brand, b.vin, b.market, b.region,
                        b.packSerial, b.packSupplier, b.defects, b.co2Kg, b.completedAt)));
    }

    /** The car's VIN: the next model year's, from the serial's last six digits. */
    private String vin(String variant, long serial) {
        return Vin.assign(variant, LocalDate.now(clock).getYear() + 1, serial % 1_000_000);
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
