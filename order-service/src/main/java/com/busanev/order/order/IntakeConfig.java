package com.busanev.order.order;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How single orders are group-committed (see {@link GroupCommit}). */
@ConfigMapping(prefix = "order.intake")
public interface IntakeConfig {
    /** Writes of single orders in flight at once (connections they hold); orders arriving meanwhile wait for the next. */
    @WithDefault("4")
    int concurrentWrites();

    /** The most single orders one write takes. 1 writes every order on its own. */
    @WithDefault("200")
    int maxGroup();
}
