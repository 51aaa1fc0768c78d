package com.busanev.production.simulator;

import com.busanev.kit.lifecycle.Stopping;
import com.busanev.production.build.CompleteRequest;
import com.busanev.production.build.PlantFloor;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Random;

/**
 * Plays the plant floor for the local run: as the plant clock passes a build's planned day it starts it, and a
 * build time later completes it with a seeded number of defects and the CO2 of the build, a batch per tick through
 * {@link PlantFloor#startDue} and {@link PlantFloor#completeDue} (which lock the rows as the REST calls do). Off by
 * default.
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
        return stopping.quietly(Panache.withTransaction(() -> floor.startDue(LocalDate.now(clock), config.batch()))
                        .chain(() -> Panache.withTransaction(() -> floor.completeDue(
                                clock.instant().minus(config.buildTime()), config.batch(), this::report))))
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
