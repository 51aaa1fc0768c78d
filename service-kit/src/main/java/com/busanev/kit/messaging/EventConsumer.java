package com.busanev.kit.messaging;

import com.busanev.kit.inbox.Inbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Applies each consumed message exactly once: read, then in one transaction record its id in the inbox and
 * apply it. Unreadable messages and messages that still fail after retries are nacked, which the channel's
 * {@code failure-strategy=dead-letter-queue} turns into a record on the service's dead-letter topic with the
 * reason in its headers; the consumer keeps going.
 */
@ApplicationScoped
public class EventConsumer {
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final Inbox inbox;

    EventConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    public Uni<Void> consume(Message<String> message, EventHandler handler) {
        return Uni.createFrom().item(() -> EventReader.read(message))
                .chain(event -> event.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : applyOnce(event.get(), handler)
                                .onFailure(e -> !(e instanceof UnreadableEventException)).retry()
                                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(3))
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
