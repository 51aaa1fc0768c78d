package com.busanev.production.availability;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The line availability snapshot order-service promises from (production.availability.*). */
@ConfigMapping(prefix = "production.availability")
public interface AvailabilityConfig {
    /** How often the snapshot is computed; published only when a region's figures changed (a duration or "disabled"). */
    @WithDefault("60s")
    String interval();
}
