package com.busanev.logistics.shipment;

import com.busanev.events.BatteryPassportIssued;
import com.busanev.events.EventType;
import com.busanev.events.VehicleBuilt;
import com.busanev.kit.messaging.EventConsumer;
import com.busanev.kit.messaging.IncomingEvent;
import com.busanev.logistics.passport.Passports;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Built cars to book, and the battery passports of their packs (which may hold a car, see {@link Bookings}). A car is
 * built only if its order was not cancelled (the plant decides cancels and refuses them once the build started), so
 * logistics has no cancel to follow.
 */
@ApplicationScoped
public class ShippingConsumer {
    private final EventConsumer consumer;
    private final Bookings bookings;
    private final Passports passports;

    ShippingConsumer(EventConsumer consumer, Bookings bookings, Passports passports) {
        this.consumer = consumer;
        this.bookings = bookings;
        this.passports = passports;
    }

    @Incoming("production-events")
    Uni<Void> onProduction(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, Set.of(EventType.VEHICLE_BUILT), this::built);
    }

    @Incoming("supplier-events")
    Uni<Void> onSupplier(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, Set.of(EventType.BATTERY_PASSPORT_ISSUED), this::passports);
    }

    Uni<Void> built(List<IncomingEvent> events) {
        return bookings.vehicleBuilt(payloads(events, VehicleBuilt.class));
    }

    /** The newest passport of each order is kept; the cars not booked yet whose passport changed are judged again. */
    Uni<Void> passports(List<IncomingEvent> events) {
        return passports.record(payloads(events, BatteryPassportIssued.class)).chain(bookings::passportsChanged);
    }

    private static <T> List<T> payloads(List<IncomingEvent> events, Class<T> type) {
        return events.stream().map(IncomingEvent::payload)
                .flatMap(payload -> type.isInstance(payload) ? Stream.of(type.cast(payload)) : Stream.empty()).toList();
    }
}
