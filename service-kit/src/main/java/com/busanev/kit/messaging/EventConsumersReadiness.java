package com.busanev.kit.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while a consumer has been retrying one event for longer than {@code kit.consumer.unready-after}: the
 * channel holds its position until the event applies, and the check says which channel, which event, since when
 * and the last error, so an operator sees why the service stopped following its topics.
 */
@Readiness
@ApplicationScoped
public class EventConsumersReadiness implements HealthCheck {
    public static final String NAME = "event-consumers";

    private final ConsumerChannels channels;
    private final EventConsumerConfig config;

    EventConsumersReadiness(ConsumerChannels channels, EventConsumerConfig config) {
        this.channels = channels;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var stuck = channels.retryingLongerThan(config.unreadyAfter());
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(stuck.isEmpty());
        stuck.forEach(retry -> {
            String channel = retry.channel() + ".";
            response.withData(channel + "event-id", retry.eventId())
                    .withData(channel + "event-type", retry.type().ceType())
                    .withData(channel + "attempts", retry.attempts())
                    .withData(channel + "failing-since", retry.since().toString())
                    .withData(channel + "last-error", retry.lastError());
        });
        return response.build();
    }
}
