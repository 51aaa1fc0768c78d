package com.busanev.production.kpi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The plant's CO2 per vehicle target ({@code production.co2.*}): from the baseline year's figure down by the target
 * reduction (-50%) by the start of the target year (2030), in a straight line, and flat after it.
 */
@ConfigMapping(prefix = "production.co2")
public interface Co2Trajectory {
    /** The year the baseline was measured in; the line starts on its 1 January. */
    @WithDefault("2025")
    int baselineYear();

    /** CO2 per vehicle built in the baseline year, kg. */
    @WithDefault("1600")
    double baselineKgPerVehicle();

    /** The year the reduction is due: reached on its 1 January. */
    @WithDefault("2030")
    int targetYear();

    /** The share of the baseline to cut by the target year: 0.5 is -50%. */
    @WithDefault("0.5")
    double targetReduction();

    /** The target for one plant day, kg per vehicle. */
    default double targetOn(LocalDate day) {
        LocalDate start = LocalDate.of(baselineYear(), 1, 1);
        LocalDate end = LocalDate.of(targetYear(), 1, 1);
        double progress = (double) ChronoUnit.DAYS.between(start, day) / ChronoUnit.DAYS.between(start, end);
        double reached = Math.max(0, Math.min(1, progress)) * targetReduction();
        return Math.round(baselineKgPerVehicle() * (1 - reached) * 10) / 10.0;
    }
}
