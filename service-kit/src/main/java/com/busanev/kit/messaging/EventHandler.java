package com.busanev.kit.messaging;

import io.smallrye.mutiny.Uni;

/** A service's reaction to one event; runs in the transaction that also records the event id in the inbox. */
@FunctionalInterface
public interface EventHandler {
    Uni<Void> apply(IncomingEvent event);
}
