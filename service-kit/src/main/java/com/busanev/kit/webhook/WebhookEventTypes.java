package com.busanev.kit.webhook;

import com.busanev.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The event types partners of this service may subscribe to ({@code kit.webhooks.event-types}), by event name. */
@ApplicationScoped
public class WebhookEventTypes {
    private final Set<EventType> offered;

    WebhookEventTypes(WebhookConfig config) {
        this.offered = parse(config.eventTypes().orElse(Set.of()));
    }

    /** The types named, refusing at start a name the event contract does not know (a typo in the configuration). */
    static Set<EventType> parse(Set<String> names) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (String name : names) {
            types.add(byName(name).orElseThrow(() -> new IllegalArgumentException(
                    "kit.webhooks.event-types: '" + name + "' is not an event of the contract")));
        }
        return types;
    }

    static Optional<EventType> byName(String name) {
        return Arrays.stream(EventType.values()).filter(type -> type.eventName().equals(name)).findFirst();
    }

    public Set<EventType> offered() {
        return offered;
    }

    public boolean offers(String name) {
        return byName(name).filter(offered::contains).isPresent();
    }

    /** The offered names, sorted, for messages and the API. */
    public List<String> names() {
        return offered.stream().map(EventType::eventName).sorted().collect(Collectors.toList());
    }
}
