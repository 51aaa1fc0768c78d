package com.busanev.logistics.shipment;

import com.busanev.events.EventType;
import com.busanev.events.VehicleBuilt;
import com.busanev.kit.messaging.EventConsumer;
import com.busanev.kit.messaging.IncomingEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Built cars to book. A car is built only if its order was not cancelled (the plant decides cancels and refuses
 * them once the build started), so logistics has no cancel to follow.
 */
@ApplicationScoped
public class ShippingConsumer {
    private final EventConsumer consumer;
    private final Bookings bookings;

    ShippingConsumer(EventConsumer consumer, Bookings bookings) {
        this.consumer = consumer;
        this.bookings = bookings;
    }

    @Incoming("production-events")
    Uni<Void> onProduction(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, Set.of(EventType.VEHICLE_BUILT), this::apply);
    }

    Uni<Void> apply(List<IncomingEvent> events) {
        return bookings.vehicleBuilt(events.stream().map(IncomingEvent::payload)
                .flatMap(payload -> payload instanceof VehicleBuilt built ? Stream.of(built) : Stream.empty()).toList());
    }
}
