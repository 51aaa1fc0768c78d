package com.busanev.kit.messaging;

import com.busanev.events.EventType;
import com.busanev.kit.inbox.Inbox;
import com.busanev.kit.lifecycle.Stopping;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Applies each consumed message exactly once: read, then in one transaction record its id in the inbox (or let a
 * handler that keeps its own record of what it applied record it) and apply it. Two kinds of failure:
 * <ul>
 * <li>permanent: a message that cannot be read ({@link UnreadableEventException}) or an event a handler says can
 * never be applied ({@link InvalidEventException}) is nacked at once, which the channel's
 * {@code failure-strategy=dead-letter-queue} turns into a record on the service's dead-letter topic with the
 * reason in its headers; the consumer goes on with the next message.</li>
 * <li>transient: anything else (the database failing over or refusing connections, a lock or serialization
 * failure) is retried with exponential back-off for as long as it lasts, never dead-lettered: a valid event
 * must not be skipped, or the events of its order that follow would be applied without it. The channel holds
 * its position meanwhile, so order is kept, and {@link EventConsumersReadiness} reports it.</li>
 * </ul>
 */
@ApplicationScoped
public class EventConsumer {
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    /** Spread of each back-off (plus or minus this share), so replicas do not retry in step. */
    private static final double JITTER = 0.2;

    private final Inbox inbox;
    private final ConsumerChannels channels;
    private final EventConsumerConfig config;
    private final Stopping stopping;

    EventConsumer(Inbox inbox, ConsumerChannels channels, EventConsumerConfig config, Stopping stopping) {
        this.inbox = inbox;
        this.channels = channels;
        this.config = config;
        this.stopping = stopping;
    }

    /** A batch of a channel of which the service follows every type; see the next method. */
    public Uni<Void> consumeBatch(KafkaRecordBatch<String, String> batch, BatchHandler handler) {
        return consumeBatch(batch, EnumSet.allOf(EventType.class), handler);
    }

    /**
     * A batch of records (a channel with {@code batch=true}): one transaction records all their ids in the inbox
     * with one statement and applies the new ones with {@code handler}, so a batch costs one commit, not one per
     * event. A record of a type the service does not follow is skipped on its CloudEvent headers alone, its payload
     * unread (that is for the services that follow it to judge); a record that is no CloudEvent of a known type is
     * dead-lettered. A transient failure retries the whole batch; an event that can never apply fails the batch's
     * transaction, and the batch is then applied one event per transaction, so only that event is rejected and the
     * others apply in their order. Rejected records (unreadable or invalid) are dead-lettered in record order only after the others
     * committed: a dead letter acknowledges its record, and the commit strategy may then commit its offset, which
     * must not pass an earlier record of the batch that is not applied yet.
     */
    public Uni<Void> consumeBatch(KafkaRecordBatch<String, String> batch, Set<EventType> handled, BatchHandler handler) {
        return consumeBatch(Inbox.SERVICE, batch, handled, handler);
    }

    /**
     * As above, for a consumer with an inbox of its own ({@code inbox}, see {@link Inbox}): a second consumer group of
     * the service that reads events its handlers also apply.
     */
    public Uni<Void> consumeBatch(String inboxName, KafkaRecordBatch<String, String> batch, Set<EventType> handled,
            BatchHandler handler) {
        return consume(batch, handled, events -> inbox.firstDeliveries(inboxName, events), handler);
    }

    /**
     * As {@link #consumeBatch(KafkaRecordBatch, BatchHandler)}, for a handler that keeps its own record of what it
     * applied: it writes a row per event under a unique key that holds the event's id and applies only the events
     * whose row is new, so a redelivered event changes nothing. Its events are not recorded in the inbox, which
     * would only write a second row per event (order-service's tracker: the timeline is its record).
     */
    public Uni<Void> consumeBatchRecordedByHandler(KafkaRecordBatch<String, String> batch, BatchHandler handler) {
        return consume(batch, EnumSet.allOf(EventType.class), events -> Uni.createFrom().item(events), handler);
    }

    /** Which of a batch's events were not applied before; runs in the transaction that applies them. */
    @FunctionalInterface
    private interface FirstDeliveries {
        Uni<List<IncomingEvent>> of(List<IncomingEvent> events);
    }

    /**
     * The batch read, applied until settled and acknowledged; a stopping service lets the batch end first, and starts
     * no new one (it stays unacknowledged and is read again after the next start).
     */
    private Uni<Void> consume(KafkaRecordBatch<String, String> batch, Set<EventType> handled,
            FirstDeliveries firstDeliveries, BatchHandler handler) {
        String channel = batch.getRecords().isEmpty() ? "unknown" : channelOf(batch.getRecords().get(0));
        Map<KafkaRecord<String, String>, Throwable> rejected = new IdentityHashMap<>();
        List<Received> received = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                EventType type = EventReader.type(record);
                if (handled.contains(type)) {
                    received.add(new Received(record, EventReader.read(record, type)));
                }
            } catch (RuntimeException unreadable) {
                rejected.put(record, unreadable);
            }
        }
        return stopping.trackedUnlessStopping(() -> received.isEmpty() ? Uni.createFrom().voidItem()
                        : applyBatchUntilSettled(firstDeliveries, channel, received, handler, rejected))
                .chain(() -> Multi.createFrom().iterable(batch.getRecords())
                        .filter(rejected::containsKey)
                        .onItem().transformToUniAndConcatenate(record -> deadLetter(channel, record, rejected.get(record)))
                        .collect().last())
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    /** A record of a batch and the event read from it. */
    private record Received(KafkaRecord<String, String> record, IncomingEvent event) {
    }

    /** Applies the events, the valid ones one by one if one of them can never apply (that one goes to {@code rejected}). */
    private Uni<Void> applyBatchUntilSettled(FirstDeliveries firstDeliveries, String channel, List<Received> received,
            BatchHandler handler, Map<KafkaRecord<String, String>, Throwable> rejected) {
        List<IncomingEvent> events = received.stream().map(Received::event).toList();
        return Panache.withTransaction(() -> firstDeliveries.of(events)
                        .chain(fresh -> fresh.isEmpty() ? Uni.createFrom().voidItem() : handler.apply(fresh)))
                // readiness names the batch's first event: the batch waits as a whole
                .onFailure(EventConsumer::isTransient).invoke(e -> failed(channel, events.get(0), e))
                .onFailure(EventConsumer::isTransient).retry()
                .withBackOff(config.initialBackOff(), config.maxBackOff()).withJitter(JITTER).indefinitely()
                .onTermination().invoke(() -> settled(channel))
                .onFailure().recoverWithUni(e -> {
                    LOG.infof("%s: a batch of %d events holds one that cannot apply (%s); applying them one by one",
                            channel, events.size(), permanentCause(e).orElse(e).getMessage());
                    return Multi.createFrom().iterable(received)
                            .onItem().transformToUniAndConcatenate(one -> applyUntilSettled(firstDeliveries, channel, one.event(), handler)
                                    .onFailure().recoverWithItem(failure -> {
                                        rejected.put(one.record(), failure);
                                        return null;
                                    }))
                            .collect().last().replaceWithVoid();
                });
    }

    private Uni<Void> deadLetter(String channel, Message<?> message, Throwable failure) {
        Throwable reason = permanentCause(failure).orElse(failure);
        LOG.warnf("%s: dead-lettering a message: %s", channel, reason.getMessage());
        channels.deadLettered(channel);
        return Uni.createFrom().completionStage(message.nack(reason));
    }

    /** Applies the event, retrying transient failures until it applies or fails for good. */
    private Uni<Void> applyUntilSettled(FirstDeliveries firstDeliveries, String channel, IncomingEvent event,
            BatchHandler handler) {
        return applyOnce(firstDeliveries, event, handler)
                .onFailure(EventConsumer::isTransient).invoke(e -> failed(channel, event, e))
                .onFailure(EventConsumer::isTransient).retry()
                .withBackOff(config.initialBackOff(), config.maxBackOff()).withJitter(JITTER).indefinitely()
                .onTermination().invoke(() -> settled(channel));
    }

    private void settled(String channel) {
        channels.settled(channel).ifPresent(retry -> LOG.infof("%s: %s %s settled after %d failed attempts since %s",
                channel, retry.type().eventName(), retry.eventId(), retry.attempts(), retry.since()));
    }

    /** One event in a transaction of its own, as a batch of one. */
    private Uni<Void> applyOnce(FirstDeliveries firstDeliveries, IncomingEvent event, BatchHandler handler) {
        return Panache.withTransaction(() -> firstDeliveries.of(List.of(event))
                .chain(first -> first.isEmpty() ? Uni.createFrom().voidItem() : handler.apply(first)));
    }

    /** Logs the first failure and then every {@code kit.consumer.log-every} attempts: a long outage is no log flood. */
    private void failed(String channel, IncomingEvent event, Throwable error) {
        ConsumerChannels.Retry retry = channels.failed(channel, event, error);
        if ((retry.attempts() - 1) % config.logEvery() == 0) {
            LOG.warnf("%s: %s %s failed (attempt %d, failing since %s); retrying, the channel waits: %s", channel,
                    event.type().eventName(), event.id(), retry.attempts(), retry.since(), retry.lastError());
        }
    }

    private static boolean isTransient(Throwable failure) {
        return permanentCause(failure).isEmpty();
    }

    /** Only an unreadable message or an event that can never apply fails for good; the cause chain is searched. */
    private static Optional<Throwable> permanentCause(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof UnreadableEventException || e instanceof InvalidEventException) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static String channelOf(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getChannel)
                .orElse("unknown");
    }
}
