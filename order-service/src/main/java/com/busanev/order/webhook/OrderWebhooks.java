package com.busanev.order.webhook;

import com.busanev.kit.messaging.IncomingEvent;
import com.busanev.kit.webhook.WebhookAudience;
import com.busanev.kit.webhook.WebhookRecorder;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A brand's webhooks carry every event of its orders: what order-service publishes (order-events) and what it
 * follows into the order's timeline (production-events, logistics-events). The channel {@code webhook-events} reads
 * the three topics in a consumer group of its own, so the order intake and the tracker never wait for it; each
 * event's order (its subject) says the brand. An event about no known order (a day's SequenceFrozen, an order of
 * another system) concerns no brand.
 */
@ApplicationScoped
public class OrderWebhooks implements WebhookAudience {
    private final WebhookRecorder recorder;

    OrderWebhooks(WebhookRecorder recorder) {
        this.recorder = recorder;
    }

    @Incoming("webhook-events")
    Uni<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return recorder.record(batch, this);
    }

    /** One query for the brands of the batch's orders. */
    @Override
    public Uni<List<Recipient>> recipients(List<IncomingEvent> events) {
        Set<UUID> orderIds = events.stream().map(event -> orderId(event.subject())).flatMap(Optional::stream)
                .collect(Collectors.toSet());
        if (orderIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession()
                .chain(session -> session.createQuery("select o.id, o.brand from Order o where o.id in (:ids)", Object[].class)
                        .setParameter("ids", orderIds)
                        .getResultList())
                .map(rows -> {
                    Map<UUID, String> brands = new HashMap<>();
                    rows.forEach(row -> brands.put((UUID) row[0], (String) row[1]));
                    return events.stream()
                            .map(event -> orderId(event.subject()).map(brands::get)
                                    .map(brand -> Recipient.of(event, brand)).orElse(null))
                            .filter(Objects::nonNull)
                            .toList();
                });
    }

    private static Optional<UUID> orderId(String subject) {
        try {
            return subject == null ? Optional.empty() : Optional.of(UUID.fromString(subject));
        } catch (IllegalArgumentException notAnOrder) {
            return Optional.empty();
        }
    }
}
