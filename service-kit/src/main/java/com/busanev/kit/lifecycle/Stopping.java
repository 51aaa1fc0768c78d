package com.busanev.kit.lifecycle;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Whether the application is shutting down, and the work it must let end first. A transaction still open when the
 * database pool closes is rolled back by force, which Hibernate Reactive logs as an ERROR although nothing is lost;
 * so the shutdown waits (up to {@code kit.shutdown.drain-timeout}) for the work tracked here, and periodic work
 * (the outbox relay, sweeps, simulators) starts no new run once it began.
 */
@ApplicationScoped
public class Stopping {
    private static final Logger LOG = Logger.getLogger(Stopping.class);
    private static final Duration POLL = Duration.ofMillis(20);

    private final ShutdownConfig config;
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean stopping;

    Stopping(ShutdownConfig config) {
        this.config = config;
    }

    /** Runs before the pool closes (Quarkus fires the shutdown event first), on the thread that stops the application. */
    void onShutdown(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        Instant deadline = Instant.now().plus(config.drainTimeout());
        while (running.get() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(POLL.toMillis());
        }
        if (running.get() > 0) {
            LOG.infof("%d units of work still running after %s are cut off by the shutdown (they are done again after the next start)",
                    running.get(), config.drainTimeout());
        }
    }

    public boolean now() {
        return stopping;
    }

    /**
     * {@code work}, which the shutdown waits for while it runs, unless the shutdown began: then a Uni that never ends,
     * and the work is left to the next start (a consumed batch stays unacknowledged, and Kafka delivers it again). A
     * consumer is handed new batches until its connector closes, after the shutdown event; one started once the drain
     * found nothing running had its connection closed under it with the pool.
     */
    public <T> Uni<T> trackedUnlessStopping(Supplier<Uni<T>> work) {
        return unlessStopping(work, () -> Uni.createFrom().nothing());
    }

    /**
     * Periodic {@code work}: not started once the shutdown began (an empty item instead), waited for while it runs,
     * and its failure once the shutdown began (the pool closing under it) logged at DEBUG and swallowed.
     */
    public <T> Uni<T> quietly(Uni<T> work) {
        return unlessStopping(() -> work, () -> Uni.createFrom().<T>nullItem())
                .onFailure(failure -> stopping).recoverWithUni(failure -> {
                    LOG.debugf("work cut off by the shutdown: %s", failure.getMessage());
                    return Uni.createFrom().nullItem();
                });
    }

    /** The count goes up before the check, so the shutdown either sees the work running or the work sees the shutdown. */
    private <T> Uni<T> unlessStopping(Supplier<Uni<T>> work, Supplier<Uni<T>> instead) {
        return Uni.createFrom().deferred(() -> {
            running.incrementAndGet();
            if (stopping) {
                running.decrementAndGet();
                return instead.get();
            }
            return work.get().onTermination().invoke(running::decrementAndGet);
        });
    }
}
