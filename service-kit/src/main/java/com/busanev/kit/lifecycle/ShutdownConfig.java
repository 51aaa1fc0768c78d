package com.busanev.kit.lifecycle;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How a stopping service lets its running work end before the database pool closes. */
@ConfigMapping(prefix = "kit.shutdown")
public interface ShutdownConfig {
    /**
     * The longest the shutdown waits for tracked work (a consumed batch, a sweep) to commit or roll back; work still
     * running then is cut off and done again after the next start. Well under Kubernetes' 30 s grace period.
     */
    @WithDefault("10s")
    Duration drainTimeout();
}
