package com.busanev.kit.lifecycle;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Whether the application is shutting down. Periodic work (the outbox relay, sweeps, simulators) can be cut off
 * half-way when the database pool closes under it; such a failure is not an error, since the work is done again
 * after the next start, so it ends quietly instead of logging an ERROR in every clean shutdown.
 */
@ApplicationScoped
public class Stopping {
    private static final Logger LOG = Logger.getLogger(Stopping.class);
    private volatile boolean stopping;

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
    }

    public boolean now() {
        return stopping;
    }

    /** {@code work}, whose failure once shutdown began is logged at DEBUG and swallowed. */
    public <T> Uni<T> quietly(Uni<T> work) {
        return work.onFailure(failure -> stopping).recoverWithUni(failure -> {
            LOG.debugf("work cut off by the shutdown: %s", failure.getMessage());
            return Uni.createFrom().nullItem();
        });
    }
}
