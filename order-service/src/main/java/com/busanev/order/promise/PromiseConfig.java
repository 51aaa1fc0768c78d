package com.busanev.order.promise;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How delivery promises are made (order.promise.*). */
@ConfigMapping(prefix = "order.promise")
public interface PromiseConfig {
    /** How often the in-memory promise model is read again from its tables. */
    @WithDefault("5s")
    Duration refreshInterval();

    /** From the end of the promised build week (Sunday, plant time) until the car can make a sailing's cut-off. */
    @WithDefault("P1D")
    Duration plantToPort();

    /**
     * The window's width when only one sailing is known after the build week, and for Korean cars (trucks from the
     * plant): the window runs from the first possible arrival to this much later.
     */
    @WithDefault("P7D")
    Duration windowSlack();
}
