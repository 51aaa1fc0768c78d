package com.busanev.kit.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Remembers consumed event ids in the consumer's own transaction: an event seen twice changes nothing. */
@ApplicationScoped
public class Inbox {
    private static final String RECORD = """
            INSERT INTO processed_event (event_id, event_type) VALUES (?1, ?2) ON CONFLICT DO NOTHING""";

    /** True the first time this id is recorded; must run in the transaction that applies the event. */
    public Uni<Boolean> firstDelivery(String eventId, String eventType) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(RECORD)
                        .setParameter(1, eventId)
                        .setParameter(2, eventType)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
