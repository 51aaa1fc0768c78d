package com.busanev.supplier.allocation;

import com.busanev.events.Region;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The EV plan supply is measured against ({@code supplier.plan.*}) and the allocation headroom. */
@ConfigMapping(prefix = "supplier.plan")
public interface SupplyPlan {
    /** Renault's stated goal for Busan. */
    @WithDefault("200000")
    int evPerYear();

    @WithDefault("0.6")
    double naShare();

    @WithDefault("0.3")
    double euShare();

    @WithDefault("0.1")
    double krShare();

    /** Packs allocated above a week's demand, so new orders slot without waiting. */
    @WithDefault("10")
    int headroom();

    /** Weeks ahead checked against the plan. */
    @WithDefault("12")
    int horizonWeeks();

    /** How often {@link HorizonSweep} re-checks the horizon as the plant clock moves into new weeks. */
    @WithDefault("15s")
    Duration sweepInterval();

    /** How often {@link PendingWeeks} re-allocates the weeks whose demand changed. */
    @WithDefault("1s")
    Duration pendingInterval();

    default int weeklyPlan(Region region) {
        double share = switch (region) {
            case NA -> naShare();
            case EU -> euShare();
            case KR -> krShare();
        };
        return (int) Math.round(evPerYear() * share / 52);
    }
}
