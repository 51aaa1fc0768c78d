package com.busanev.kit.messaging;

import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * A service's reaction to a batch of events. It runs in the one transaction that also records their ids in the
 * inbox (or, for {@link EventConsumer#consumeBatchRecordedByHandler}, in which it records them itself), so it opens
 * none itself; the events are those not applied before, in the order of their records (so an order's events come in
 * the order they were published).
 */
@FunctionalInterface
public interface BatchHandler {
    Uni<Void> apply(List<IncomingEvent> events);
}
