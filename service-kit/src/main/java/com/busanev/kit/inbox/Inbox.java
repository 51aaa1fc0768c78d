package com.busanev.kit.inbox;

import com.busanev.kit.messaging.IncomingEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Remembers consumed event ids in the consumer's own transaction: an event seen twice changes nothing. Each consumer
 * of a service has an inbox of its own ({@code processed_event.consumer}): the service's handlers share
 * {@link #SERVICE}; another consumer group of the same service reading the same events (the webhook recorder) names
 * its own, or it would find every event already applied.
 */
@ApplicationScoped
public class Inbox {
    /** The inbox of the service's own handlers. */
    public static final String SERVICE = "";
    private static final String RECORD_ALL = """
            INSERT INTO processed_event (event_id, event_type, consumer)
            SELECT id, type, ?3 FROM unnest(cast(?1 as text[]), cast(?2 as text[])) AS e(id, type)
            ON CONFLICT DO NOTHING RETURNING event_id""";

    /**
     * Records a batch's ids in one statement and returns the events seen for the first time, in their order (an
     * id twice in the batch counts once). Must run in the transaction that applies them.
     */
    public Uni<List<IncomingEvent>> firstDeliveries(String consumer, List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String[] ids = events.stream().map(IncomingEvent::id).toArray(String[]::new);
        String[] types = events.stream().map(event -> event.type().ceType()).toArray(String[]::new);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(RECORD_ALL, String.class)
                        .setParameter(1, ids)
                        .setParameter(2, types)
                        .setParameter(3, consumer)
                        .getResultList())
                .map(recorded -> {
                    Set<String> fresh = new HashSet<>(recorded);
                    List<IncomingEvent> first = new ArrayList<>(fresh.size());
                    for (IncomingEvent event : events) {
                        if (fresh.remove(event.id())) {
                            first.add(event);
                        }
                    }
                    return first;
                });
    }
}
