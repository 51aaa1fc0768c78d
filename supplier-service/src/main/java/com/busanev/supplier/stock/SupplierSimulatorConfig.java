package com.busanev.supplier.stock;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The suppliers' side of the local run ({@code supplier.simulator.*}): weekly shipping notices and their receipt. */
@ConfigMapping(prefix = "supplier.simulator")
public interface SupplierSimulatorConfig {
    /** Off in production: suppliers send their own notices and the plant's goods-in receives them. */
    @WithDefault("false")
    boolean enabled();

    /** How often (wall time) the simulator ships and receives; the plant clock may be accelerated. */
    @WithDefault("1s")
    Duration tick();
}
