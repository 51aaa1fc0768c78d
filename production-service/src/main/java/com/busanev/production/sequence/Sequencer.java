package com.busanev.production.sequence;

import com.busanev.events.SequenceFrozen;
import com.busanev.kit.locks.AdvisoryLock;
import com.busanev.kit.outbox.Outbox;
import com.busanev.production.build.Build;
import com.busanev.production.build.BuildStatus;
import com.busanev.production.versioned.Versioned;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Keeps each production day's line sequence: all of the day's builds and plant vehicles, after the previous
 * day's last cars (D-1), sequenced by {@link LocalSearch} within the configured time. A day in the open horizon
 * is sequenced again when its inputs changed (or when asked); a day in the frozen horizon keeps the sequence it
 * has (it is computed once if it has none) and is frozen, which SequenceFrozen announces.
 * <p>
 * Opens its own sessions and transaction: the search runs between them on a worker thread, never on the event
 * loop and never holding a connection.
 */
@ApplicationScoped
public class Sequencer {
    private static final List<BuildStatus> ON_THE_LINE = List.of(BuildStatus.SCHEDULED, BuildStatus.IN_PRODUCTION,
            BuildStatus.BUILT);
    /** How far back the previous production day's sequence is looked for (a long plant holiday breaks the chain). */
    private static final int PREVIOUS_DAY_LOOKBACK = 7;
    private static final TypeReference<List<SequencedCar>> CARS = new TypeReference<>() {
    };

    private final Rules rules;
    private final PlantVehicles plantVehicles;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final SequencingConfig config;

    Sequencer(Rules rules, PlantVehicles plantVehicles, Outbox outbox, ObjectMapper mapper, Clock clock,
            SequencingConfig config) {
        this.rules = rules;
        this.plantVehicles = plantVehicles;
        this.outbox = outbox;
        this.mapper = mapper;
        this.clock = clock;
        this.config = config;
    }

    /** The stored sequence of the day, or null. */
    public Uni<LineSequence> stored(LocalDate day) {
        return Panache.withSession(() -> LineSequence.findById(day));
    }

    /** Whether the day is in the frozen horizon (today and the next frozen-days - 1 days, and any day before). */
    public boolean inFrozenHorizon(LocalDate day) {
        return day.isBefore(LocalDate.now(clock).plusDays(config.frozenDays()));
    }

    /**
     * Brings the day's sequence up to date and returns it: sequenced again if the inputs changed or
     * {@code asked}, unless it is frozen; frozen if it entered the frozen horizon. Needs a Vert.x context.
     */
    public Uni<LineSequence> refresh(LocalDate day, boolean asked) {
        Context context = Vertx.currentContext();
        return Panache.withSession(() -> inputs(day)).chain(inputs -> {
            LineSequence stored = inputs.stored();
            if (stored != null && stored.frozenAt != null) {
                return Uni.createFrom().item(stored);
            }
            boolean freeze = inFrozenHorizon(day);
            if (stored != null && (freeze || !asked && stored.inputs.equals(inputs.hash()))) {
                return freeze ? Panache.withTransaction(() -> store(inputs, null, true)) : Uni.createFrom().item(stored);
            }
            return Uni.createFrom().item(() -> LocalSearch.run(inputs.problem(), config.timeLimit(), config.seed()))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .emitOn(task -> context.runOnContext(ignored -> task.run()))
                    .chain(result -> Panache.withTransaction(() -> store(inputs, result, freeze)));
        });
    }

    /** The cars of a stored sequence in line order. */
    public List<SequencedCar> cars(LineSequence sequence) {
        try {
            return mapper.readValue(sequence.cars, CARS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored sequence unreadable", e);
        }
    }

    /** What a day's sequence is computed from, read in one session. */
    private record Inputs(LocalDate day, int rulesVersion, SequencingProblem problem, List<SequencedCar> cars,
            String hash, LineSequence stored) {
    }

    private Uni<Inputs> inputs(LocalDate day) {
        return rules.current().chain(current -> Build.<Build>list(
                "plannedDate = ?1 and status in ?2 order by orderId", day, ON_THE_LINE)
                .chain(builds -> plantVehicles.of(day).chain(plant -> LineSequence.<LineSequence>find(
                        "day < ?1 and day >= ?2 order by day desc", day, day.minusDays(PREVIOUS_DAY_LOOKBACK))
                        .firstResult()
                        .chain(previous -> LineSequence.<LineSequence>findById(day).map(stored -> {
                            List<SequencedCar> cars = new ArrayList<>();
                            builds.forEach(build -> cars.add(SequencedCar.of(build)));
                            plant.forEach(vehicle -> cars.add(vehicle.car()));
                            return inputs(day, current, cars, previous, stored);
                        })))));
    }

    private Inputs inputs(LocalDate day, Versioned<SequencingRules> current, List<SequencedCar> cars, LineSequence previous,
            LineSequence stored) {
        SequencingRules rules = current.document();
        int longestWindow = rules.ratios().stream().mapToInt(SequencingRules.Ratio::p).max().orElse(1);
        List<SequencedCar> before = previous == null ? List.of() : cars(previous);
        List<Vehicle> fixed = before.subList(Math.max(0, before.size() - longestWindow), before.size()).stream()
                .map(car -> vehicle(rules, car)).toList();
        List<Vehicle> dayCars = cars.stream().map(car -> vehicle(rules, car)).toList();
        SequencingProblem problem = new SequencingProblem(rules.constraints(), rules.paintBatchLimit(),
                rules.objectives(), fixed, dayCars);
        return new Inputs(day, current.version(), problem, cars, hash(problem), stored);
    }

    private static Vehicle vehicle(SequencingRules rules, SequencedCar car) {
        boolean[] options = new boolean[rules.ratios().size()];
        for (int c = 0; c < options.length; c++) {
            options[c] = rules.ratios().get(c).carriers().carriedBy(car);
        }
        return new Vehicle(car.ident(), car.colour(), options);
    }

    /** Everything the sequence depends on: constraints, limit, objectives, the D-1 cars and the day's. */
    private static String hash(SequencingProblem problem) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(List.of(problem.ratios(), problem.paintBatchLimit(), problem.objectives(), problem.fixed(),
                    problem.day()).toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stores the result (if any) and freezes it if asked, under the sequencing lock; a sequence another replica
     * froze meanwhile is kept as it is.
     */
    private Uni<LineSequence> store(Inputs inputs, LocalSearch.Result result, boolean freeze) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(AdvisoryLock.LINE_SEQUENCING.xactLock()).getSingleResult())
                .chain(() -> LineSequence.<LineSequence>findById(inputs.day()))
                .chain(row -> {
                    if (row != null && row.frozenAt != null) {
                        return Uni.createFrom().item(row);
                    }
                    LineSequence target = row != null ? row : new LineSequence();
                    target.day = inputs.day();
                    if (result != null) {
                        record(target, inputs, result);
                    }
                    if (!freeze) {
                        return target.<LineSequence>persist();
                    }
                    target.frozenAt = now();
                    return target.<LineSequence>persist().call(frozen -> outbox.append(frozenEvent(frozen)));
                });
    }

    private void record(LineSequence target, Inputs inputs, LocalSearch.Result result) {
        List<SequencedCar> inLineOrder = new ArrayList<>(result.order().length);
        for (int car : result.order()) {
            inLineOrder.add(inputs.cars().get(car));
        }
        Score score = result.score();
        try {
            target.cars = mapper.writeValueAsString(inLineOrder);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        target.inputs = inputs.hash();
        target.carCount = inLineOrder.size();
        target.highPriorityViolations = score.highPriorityViolations();
        target.lowPriorityViolations = score.lowPriorityViolations();
        target.colourChanges = score.colourChanges();
        target.paintBatchesOverLimit = score.paintBatchesOverLimit();
        target.objective = score.objective();
        target.rulesVersion = inputs.rulesVersion();
        target.computedAt = now();
    }

    /** The database keeps microseconds: what is returned now reads the same as what is read later. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private SequenceFrozen frozenEvent(LineSequence sequence) {
        List<UUID> orders = cars(sequence).stream().map(SequencedCar::orderId).filter(Objects::nonNull).toList();
        return new SequenceFrozen(sequence.day, sequence.carCount, orders, sequence.highPriorityViolations,
                sequence.lowPriorityViolations, sequence.colourChanges, sequence.frozenAt);
    }
}
