package com.busanev.production.change;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When a brand may still change an order's specification (production.changes.*). */
@ConfigMapping(prefix = "production.changes")
public interface ChangeConfig {
    /**
     * Working days of the plant calendar, from today on, whose builds can no longer change: their line sequence is
     * (about to be) frozen and their paint and parts are called off. The default 2 is the planning's frozen horizon
     * (production.planning.frozen-days, 1: today) plus the next working day, whose sequence is fixed and called off
     * during today's shifts. Keep it at least production.planning.frozen-days.
     */
    @WithDefault("2")
    int freezeWorkingDays();
}
