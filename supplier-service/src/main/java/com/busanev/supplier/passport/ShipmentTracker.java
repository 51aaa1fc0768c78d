package com.busanev.supplier.passport;

import com.busanev.events.EventType;
import com.busanev.events.ShipmentDeparted;
import com.busanev.kit.messaging.EventConsumer;
import com.busanev.kit.messaging.IncomingEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows which built cars left the port (logistics-service's ShipmentDeparted): from then on their packs' passports
 * keep the facts they were shipped with, and a later amendment of the contract announces no new version for them.
 * That bounds the passports an amendment announces again to the built cars still at the plant or the port.
 */
@ApplicationScoped
public class ShipmentTracker {
    private static final Set<EventType> FOLLOWED = Set.of(EventType.SHIPMENT_DEPARTED);

    private final EventConsumer consumer;
    private final Passports passports;

    ShipmentTracker(EventConsumer consumer, Passports passports) {
        this.consumer = consumer;
        this.passports = passports;
    }

    @Incoming("logistics-events")
    Uni<Void> onLogistics(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, FOLLOWED, this::apply);
    }

    /** A car reported departed twice keeps its first departure, as one event after the other would. */
    Uni<Void> apply(List<IncomingEvent> events) {
        Map<UUID, Instant> departures = new LinkedHashMap<>();
        events.stream().map(IncomingEvent::payload).filter(ShipmentDeparted.class::isInstance).map(ShipmentDeparted.class::cast)
                .forEach(departed -> departures.putIfAbsent(departed.orderId(), departed.departedAt()));
        return passports.shipped(departures);
    }
}
