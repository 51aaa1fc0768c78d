package com.busanev.kit.messaging;

import com.busanev.kit.inbox.Inbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import com.busanev.events.EventType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Applies each consumed message exactly once: read, then in one transaction record its id in the inbox and
 * apply it. An unreadable message is nacked at once, which the channel's
 * {@code failure-strategy=dead-letter-queue} turns into a record on the service's dead-letter topic with the
 * reason in its headers; the consumer keeps going. Any other failure (the database restarting, a lock timeout)
 * is retried with back-off for {@code kit.consumer.retry-for} before the message is dead-lettered too: a valid
 * event should survive a short outage, and the partition holds its order while it waits.
 */
@ApplicationScoped
public class EventConsumer {
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final Inbox inbox;
    private final Duration retryFor;

    EventConsumer(Inbox inbox,
            @ConfigProperty(name = "kit.consumer.retry-for", defaultValue = "60s") Duration retryFor) {
        this.inbox = inbox;
        this.retryFor = retryFor;
    }

    public Uni<Void> consume(Message<String> message, EventHandler handler) {
        return consume(message, EnumSet.allOf(EventType.class), handler);
    }

    /**
     * For a channel of which the service follows some types only: the others are still read (an unreadable one is
     * dead-lettered) but acknowledged without a transaction, as they change nothing here.
     */
    public Uni<Void> consume(Message<String> message, Set<EventType> handled, EventHandler handler) {
        return Uni.createFrom().item(() -> EventReader.read(message).filter(event -> handled.contains(event.type())))
                .chain(event -> event.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : applyOnce(event.get(), handler)
                                .onFailure(e -> !(e instanceof UnreadableEventException)).retry()
                                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
                                .expireIn(retryFor.toMillis()))
                .onItem().transformToUni(ignored -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("dead-lettering message: %s", e.getMessage());
                    return Uni.createFrom().completionStage(message.nack(e));
                });
    }

    private Uni<Void> applyOnce(IncomingEvent event, EventHandler handler) {
        return Panache.withTransaction(() -> inbox.firstDelivery(event.id(), event.type().ceType())
                .chain(first -> first ? handler.apply(event) : Uni.createFrom().voidItem()));
    }
}
