package com.busanev.production.simulator;

import com.busanev.kit.lifecycle.Stopping;
import com.busanev.production.build.Build;
import com.busanev.production.build.BuildStatus;
import com.busanev.production.build.CompleteRequest;
import com.busanev.production.build.PlantFloor;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Random;

/**
 * Plays the plant floor for the local run: as the plant clock passes a build's planned day it starts it, and a
 * build time later completes it with a seeded number of defects and the CO2 of the build. Off by default. The builds
 * of a batch are locked as they are read, as the plant floor locks the build it starts: a cancel decided meanwhile
 * takes the build out of the batch (PostgreSQL re-checks the status of a row it waited for).
 */
@ApplicationScoped
public class LineSimulator {
    private final PlantFloor floor;
    private final Stopping stopping;
    private final Clock clock;
    private final SimulatorConfig config;
    private final Random random = new Random(2025);

    LineSimulator(PlantFloor floor, Stopping stopping, Clock clock, SimulatorConfig config) {
        this.floor = floor;
        this.stopping = stopping;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(every = "${production.simulator.tick}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return stopping.quietly(Panache.withTransaction(() -> Build.<Build>find("status = ?1 and plannedDate <= ?2 order by plannedDate",
                                BuildStatus.SCHEDULED, LocalDate.now(clock)).page(0, config.batch()).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                        .chain(due -> Multi.createFrom().iterable(due)
                                .onItem().transformToUniAndConcatenate(b -> floor.start(b.orderId)).collect().last()))
                .chain(() -> Panache.withTransaction(() -> Build.<Build>find("status = ?1 and startedAt <= ?2",
                                BuildStatus.IN_PRODUCTION, clock.instant().minus(config.buildTime())).page(0, config.batch()).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                        .chain(done -> Multi.createFrom().iterable(done)
                                .onItem().transformToUniAndConcatenate(b -> floor.complete(b.orderId, report()))
                                .collect().last()))))
                .replaceWithVoid();
    }

    /** Defects as 20 inspection points, each failing with rate/20: a mean of {@code defectRate} per car. */
    private CompleteRequest report() {
        int defects = 0;
        for (int point = 0; point < 20; point++) {
            if (random.nextDouble() < config.defectsPerVehicle() / 20) {
                defects++;
            }
        }
        return new CompleteRequest(defects, config.co2PerVehicleKg() * (0.9 + 0.2 * random.nextDouble()), null);
    }
}
