package com.busanev.production.simulator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The line simulator of the local run (production.simulator.*). */
@ConfigMapping(prefix = "production.simulator")
public interface SimulatorConfig {
    /** Off in production: the plant floor reports starts and completions itself. */
    @WithDefault("false")
    boolean enabled();

    /** Plant time from a build's start to its completion. */
    @WithDefault("PT8H")
    Duration buildTime();

    @WithDefault("1450")
    double co2PerVehicleKg();

    /** Mean defects found per car at the end-of-line inspection. */
    @WithDefault("0.35")
    double defectsPerVehicle();

    /** How often the simulator looks for builds due (wall time). */
    @WithDefault("1s")
    Duration tick();

    /**
     * Builds started, and builds completed, per tick at most: at an accelerated clock the line must keep up with
     * two plant days a second (about a thousand cars) and catch up after the CPU went elsewhere for a while.
     */
    @WithDefault("5000")
    int batch();
}
