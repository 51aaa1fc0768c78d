package com.busanev.kit.webhook;

import com.busanev.kit.messaging.EventConsumer;
import com.busanev.kit.webhook.WebhookAudience.Recipient;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns the events a service publishes or follows into the deliveries its partners are owed. A service's webhook
 * consumer (a channel of its own, in a consumer group of its own, reading its own topic and those it follows) hands
 * each batch here: the kit's {@link EventConsumer} records the batch in the recorder's inbox ({@link #INBOX}) and
 * writes the deliveries in the same transaction, so each event becomes its deliveries exactly once, and a crash
 * before the commit only means the batch is read again. Nothing of this runs on the order intake or the chain's
 * consumers.
 * <p>
 * A delivery is owed to every subscription of each owner the event concerns that asked for its type, disabled
 * ones included: they get what they missed once enabled again.
 */
@ApplicationScoped
public class WebhookRecorder {
    /** The recorder's inbox (processed_event.consumer), apart from the service's own handlers'. */
    public static final String INBOX = "webhooks";

    private final EventConsumer consumer;
    private final WebhookEventTypes types;
    private final WebhookBacklog backlog;

    WebhookRecorder(EventConsumer consumer, WebhookEventTypes types, WebhookBacklog backlog) {
        this.consumer = consumer;
        this.types = types;
        this.backlog = backlog;
    }

    /**
     * Records a consumed batch's deliveries; the service's {@code @Incoming} method returns this. While no
     * subscription exists nothing can be owed: the batch's records are skipped on their CloudEvent headers (a record
     * that is no CloudEvent of a known type is still dead-lettered) and acknowledged without a transaction.
     */
    public Uni<Void> record(KafkaRecordBatch<String, String> batch, WebhookAudience audience) {
        return consumer.consumeBatch(INBOX, batch, backlog.anySubscription() ? types.offered() : Set.of(),
                events -> audience.recipients(events).chain(this::owe));
    }

    /** Runs in the consumer's transaction: one query for the owners' subscriptions, one batched insert. */
    private Uni<Void> owe(List<Recipient> recipients) {
        if (recipients.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<String> owners = recipients.stream().map(Recipient::owner).collect(Collectors.toSet());
        return WebhookSubscription.<WebhookSubscription>list("owner in ?1", owners).chain(subscriptions -> {
            Map<String, List<WebhookSubscription>> byOwner = subscriptions.stream()
                    .collect(Collectors.groupingBy(subscription -> subscription.owner));
            List<WebhookDelivery> deliveries = new ArrayList<>();
            for (Recipient recipient : recipients) {
                String body = null;
                for (WebhookSubscription subscription : byOwner.getOrDefault(recipient.owner(), List.of())) {
                    if (subscription.wants(recipient.event().type().eventName())) {
                        body = body == null ? StructuredCloudEvent.json(recipient.event(), recipient.payload()) : body;
                        deliveries.add(delivery(subscription, recipient, body));
                    }
                }
            }
            return deliveries.isEmpty() ? Uni.createFrom().voidItem() : WebhookDelivery.persist(deliveries);
        });
    }

    private static WebhookDelivery delivery(WebhookSubscription subscription, Recipient recipient, String body) {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = UUID.randomUUID();
        delivery.subscriptionId = subscription.id;
        delivery.eventId = recipient.event().id();
        delivery.eventType = recipient.event().type().eventName();
        delivery.orderingKey = recipient.orderingKey();
        // the CloudEvents time the partner sees; an event without one (none of this suite's) takes the time it was recorded
        delivery.eventTime = recipient.event().time() == null ? WebhookClock.WALL.instant() : recipient.event().time();
        delivery.payload = body;
        delivery.status = WebhookDelivery.Status.PENDING;
        delivery.nextAttemptAt = WebhookClock.WALL.instant();
        return delivery;
    }
}
