package com.busanev.kit.messaging;

import com.busanev.events.EventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each consuming channel is doing, for the readiness check and the metrics: whether it is retrying an event
 * (which, since when, why) and how many events it dead-lettered. A channel applies one event at a time, so it has
 * at most one retry.
 */
@ApplicationScoped
public class ConsumerChannels {
    /** An event of {@code channel} failing for a transient reason since {@code since}. */
    public record Retry(String channel, String eventId, EventType type, Instant since, int attempts, String lastError) {
    }

    // Operators read wall time: not the plant clock, which the local run accelerates.
    private final Clock wallClock = Clock.systemUTC();
    private final MeterRegistry registry;
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();

    ConsumerChannels(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts one more failed attempt at {@code event}; returns the retry it is now in. */
    Retry failed(String channel, IncomingEvent event, Throwable error) {
        Channel state = of(channel);
        Retry previous = state.retry;
        Retry retry = previous != null && previous.eventId().equals(event.id())
                ? new Retry(channel, event.id(), event.type(), previous.since(), previous.attempts() + 1, describe(error))
                : new Retry(channel, event.id(), event.type(), wallClock.instant(), 1, describe(error));
        state.retry = retry;
        return retry;
    }

    /** The channel is done with its current event (applied or dead-lettered); the retry it ends, if there was one. */
    Optional<Retry> settled(String channel) {
        Channel state = of(channel);
        Retry ended = state.retry;
        state.retry = null;
        return Optional.ofNullable(ended);
    }

    void deadLettered(String channel) {
        of(channel).deadLettered.increment();
    }

    /** The retries that have lasted longer than {@code grace}, by channel. */
    public List<Retry> retryingLongerThan(Duration grace) {
        Instant limit = wallClock.instant().minus(grace);
        return channels.values().stream().map(state -> state.retry).filter(Objects::nonNull)
                .filter(retry -> retry.since().isBefore(limit))
                .sorted(Comparator.comparing(Retry::channel)).toList();
    }

    private Channel of(String channel) {
        return channels.computeIfAbsent(channel, name -> new Channel(name, registry));
    }

    private static String describe(Throwable error) {
        return error.getClass().getSimpleName() + ": " + error.getMessage();
    }

    private static final class Channel {
        private volatile Retry retry;
        private final Counter deadLettered;

        Channel(String name, MeterRegistry registry) {
            Gauge.builder(ConsumerMetrics.RETRYING, this, channel -> channel.retry == null ? 0 : 1)
                    .tag(ConsumerMetrics.CHANNEL_TAG, name).strongReference(true)
                    .description("1 while the channel retries an event that failed for a transient reason")
                    .register(registry);
            deadLettered = Counter.builder(ConsumerMetrics.DEAD_LETTERED).tag(ConsumerMetrics.CHANNEL_TAG, name)
                    .description("Events the channel sent to the service's dead-letter topic").register(registry);
        }
    }
}
