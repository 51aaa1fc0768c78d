package com.busanev.kit.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * LISTENs, on a connection of its own, for the notification the outbox table's trigger sends when a transaction
 * that appended rows commits (kit migration V0_3), and wakes the relay with it. The connection is opened again with
 * the relay's back-off whenever it is lost; each time it listens again it wakes the relay too, for the rows committed
 * while it was away.
 */
@ApplicationScoped
public class OutboxNotifications {
    /** The PostgreSQL channel the trigger of V0_3__outbox_notify.sql notifies. */
    public static final String CHANNEL = "outbox_event_appended";
    private static final Logger LOG = Logger.getLogger(OutboxNotifications.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final PgConnectOptions connectOptions;
    private final OutboxConfig config;
    private volatile PgSubscriber subscriber;
    private volatile boolean closed;
    /** Whether the connection was lost and is not listening again yet: said once when lost, once when back. */
    private volatile boolean lost;

    /** The service's own database, as its reactive pool reaches it (Quarkus makes no subscriber of its own). */
    OutboxNotifications(@ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password, OutboxConfig config) {
        this.connectOptions = PgConnectOptions.fromUri(url);
        user.ifPresent(connectOptions::setUser);
        password.ifPresent(connectOptions::setPassword);
        this.config = config;
    }

    /** Calls {@code wake} at every notification and every time the subscriber (again) listens. */
    void listen(Vertx vertx, Runnable wake) {
        PgSubscriber listening = PgSubscriber.subscriber(vertx, connectOptions)
                // Never gives up: while it is away the relay's sweep stands in.
                .reconnectPolicy(retries -> {
                    if (retries == 0) {
                        lost = true;
                        LOG.infof("outbox notifications lost, listening again with back-off up to %s (the relay's"
                                + " %s sweep stands in)", config.backoff().max(), config.sweepInterval());
                    }
                    return config.backoff().after(retries).toMillis();
                });
        listening.channel(CHANNEL)
                .subscribeHandler(subscribed -> {
                    if (lost) {
                        lost = false;
                        LOG.info("outbox notifications listening again");
                    }
                    wake.run();
                })
                .handler(payload -> wake.run());
        subscriber = listening;
        connect(vertx, listening, 1);
    }

    /** The first connection is not covered by the reconnect policy: it is retried here, with the same back-off. */
    private void connect(Vertx vertx, PgSubscriber listening, int attempt) {
        listening.connect().onFailure(failure -> {
            if (closed) {
                return;
            }
            LOG.debugf("outbox notifications not listening yet (attempt %d): %s", attempt, failure.getMessage());
            vertx.setTimer(config.backoff().after(attempt).toMillis(), retry -> {
                if (!closed) {
                    connect(vertx, listening, attempt + 1);
                }
            });
        });
    }

    /**
     * Waits (briefly) for the connection to close: Vert.x stops its event loops right after the shutdown event, and a
     * close still under way then fails with an ERROR from Netty.
     */
    void stop(@Observes ShutdownEvent shutdown) {
        closed = true;
        PgSubscriber listening = subscriber;
        if (listening == null) {
            return;
        }
        try {
            listening.close().toCompletionStage().toCompletableFuture().get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debugf("outbox notifications: the listening connection did not close cleanly: %s", e.getMessage());
        }
    }
}
