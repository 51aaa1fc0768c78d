package com.busanev.kit.webhook;

import com.busanev.events.DomainEvent;
import com.busanev.kit.messaging.IncomingEvent;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Who a service's events concern, implemented by each service that offers webhooks (order-service: the brand of the
 * order; supplier-service: the suppliers of an allocation or a shortage). {@link WebhookRecorder} calls it in the
 * transaction that records the events as consumed, so it reads (one query per batch) and writes nothing.
 */
@FunctionalInterface
public interface WebhookAudience {
    /** One recipient per owner an event concerns; an event that concerns no partner has none. */
    Uni<List<Recipient>> recipients(List<IncomingEvent> events);

    /**
     * An owner (brand, supplier) an event concerns, the key its deliveries are ordered by (the order id; the
     * week/region of a supply event) and the payload that owner may see: the event's own, or a copy without what
     * concerns other partners (a supplier sees its own share of an allocation only).
     */
    record Recipient(IncomingEvent event, String owner, String orderingKey, DomainEvent payload) {
        public static Recipient of(IncomingEvent event, String owner) {
            return new Recipient(event, owner, event.subject(), event.payload());
        }
    }
}
