package com.busanev.kit.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * A service's reaction to a batch of events. It runs in the one transaction that also records their ids in the
 * inbox, so it opens none itself; the events are those not applied before, in the order of their records (so an
 * order's events come in the order they were published).
 */
@FunctionalInterface
public interface BatchHandler {
    Uni<Void> apply(List<IncomingEvent> events);

    /** A handler of one event at a time, applied to each event of the batch in turn, all in the batch's transaction. */
    static BatchHandler eachInTurn(EventHandler handler) {
        return events -> Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(handler::apply)
                .collect().last().replaceWithVoid();
    }
}
