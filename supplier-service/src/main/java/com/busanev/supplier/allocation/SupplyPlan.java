package com.busanev.supplier.allocation;

import com.busanev.events.Region;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The EV plan supply is measured against ({@code supplier.plan.*}); its regional shares also split the supply left
 * after real demand among the regions with demand (the headroom, see {@link PackAllocator}).
 */
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

    /** Weeks ahead checked against the plan. */
    @WithDefault("12")
    int horizonWeeks();

    /** How often {@link HorizonSweep} re-checks the horizon as the plant clock moves into new weeks. */
    @WithDefault("15s")
    Duration sweepInterval();

    /** How often {@link PendingWeeks} re-allocates the weeks whose demand changed. */
    @WithDefault("1s")
    Duration pendingInterval();

    default double share(Region region) {
        return switch (region) {
            case NA -> naShare();
            case EU -> euShare();
            case KR -> krShare();
        };
    }

    default int weeklyPlan(Region region) {
        return (int) Math.round(evPerYear() * share(region) / 52);
    }
}
