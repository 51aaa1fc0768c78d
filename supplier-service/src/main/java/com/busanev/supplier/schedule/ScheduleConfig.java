package com.busanev.supplier.schedule;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Weekly delivery schedules ({@code supplier.schedule.*}); docs/supplier-service.md, "Delivery schedules". */
@ConfigMapping(prefix = "supplier.schedule")
public interface ScheduleConfig {
    /** ISO weeks a schedule covers, from the current one. */
    @WithDefault("12")
    int horizonWeeks();

    /** Weeks from the current one that are FIRM: their packs never change in a later revision. */
    @WithDefault("2")
    int frozenWeeks();

    /**
     * How often {@link ScheduleSweep} issues the week's schedules still due and checks firm weeks for shortfalls: a
     * duration, or {@code off} (the tests run it themselves).
     */
    @WithDefault("1m")
    String sweepInterval();

    /**
     * How long after a firm week's Monday (00:00 plant time) its packs must be received or on a notice due that week;
     * after that a shortfall is an alert. Three days: the line still has the rest of the week to catch up.
     */
    @WithDefault("3d")
    Duration shortfallAfter();
}
