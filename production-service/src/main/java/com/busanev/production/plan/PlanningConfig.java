package com.busanev.production.plan;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the plan is kept (production.planning.*). */
@ConfigMapping(prefix = "production.planning")
public interface PlanningConfig {
    /** Days from today whose line sequence is frozen: new builds are planned after them. */
    @WithDefault("1")
    int frozenDays();

    /** Blocked orders of a region read and tried again at once (one transaction). */
    @WithDefault("500")
    int reslotBatch();

    /** How often the blocked backlog tries again as the horizon moves on. */
    @WithDefault("10s")
    Duration reslotInterval();

    /**
     * Batches a retry goes on with while batches keep finding slots, so days entering the horizon fill from the
     * backlog at once (a batch that slots nothing ends the retry: the backlog is not re-read for nothing).
     */
    @WithDefault("40")
    int reslotRounds();
}
